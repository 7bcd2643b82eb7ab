package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.conclave.model.ConferenceCallbackEvent;
import dev.conclave.model.ConferenceEventType;
import dev.conclave.model.ConferenceStatusEvent;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.ParticipantStatusEvent;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.SentCallback;
import dev.conclave.webhook.FormParameters;
import dev.conclave.webhook.SignatureCheck;
import dev.conclave.webhook.StatusCallbacks;
import dev.conclave.webhook.WebhookValidator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator's signed status callbacks, received on loopback, validated and read as typed events. */
@Timeout(30)
class CallbacksTest extends Fixture {
    /** One callback as the receiver saw it. */
    private record Received(String path, String url, String signature, String body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestURI().getPath(), base() + exchange.getRequestURI().getRawPath()
                    + (query == null ? "" : "?" + query), exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                    body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        emulator.clearSentCallbacks();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @Test
    void aParticipantsLifeArrivesAsSignedTypedEvents() {
        String label = "watched-" + transport;
        Participant p = client.participants().create(CreateParticipantRequest.builder("callbacks-" + transport, "+15005550006",
                        "+15558675310").label(label)
                .statusCallback(URI.create(base() + "/status?tenant=a%20b"))
                .statusCallbackEvents(ParticipantCallbackEvent.knownValues().toArray(ParticipantCallbackEvent[]::new))
                .conferenceStatusCallback(URI.create(base() + "/conference"))
                .conferenceStatusCallbackEvents(ConferenceCallbackEvent.START, ConferenceCallbackEvent.END,
                        ConferenceCallbackEvent.JOIN, ConferenceCallbackEvent.LEAVE, ConferenceCallbackEvent.MUTE,
                        ConferenceCallbackEvent.HOLD, ConferenceCallbackEvent.ANNOUNCEMENT)
                .build());
        for (int i = 0; i < 3; i++) {
            client.participants().fetch(p.conferenceSid(), label); // connecting, ringing, connected
        }
        client.participants().update(p.conferenceSid(), label, UpdateParticipantRequest.builder().muted(true).build());
        client.participants().update(p.conferenceSid(), label, UpdateParticipantRequest.builder().hold(true).build());
        client.participants().update(p.conferenceSid(), label, UpdateParticipantRequest.builder()
                .announceUrl(URI.create("https://example.com/announce.xml")).build());
        client.participants().delete(p.conferenceSid(), label);

        List<SentCallback> sent = settled(11);
        assertThat(sent).hasSize(11).allSatisfy(callback -> {
            assertThat(callback.failure()).isNull();
            assertThat(callback.status()).isEqualTo(204);
        });

        WebhookValidator validator = WebhookValidator.of(emulator.authToken());
        List<String> participantEvents = new ArrayList<>();
        List<ConferenceEventType> conferenceEvents = new ArrayList<>();
        for (Received callback : received) {
            SignatureCheck check = validator.validateForm(callback.url(), callback.body(), callback.signature());
            assertThat(check.isValid()).as(check.detail() + " for " + callback.url()).isTrue();
            FormParameters form = FormParameters.parse(callback.body());
            if (callback.path().equals("/status")) {
                ParticipantStatusEvent event = StatusCallbacks.participantEvent(form);
                assertThat(event.callSid()).isEqualTo(p.callSid());
                assertThat(event.sequenceNumber()).isEqualTo(participantEvents.size());
                assertThat(event.timestamp()).isNotNull();
                participantEvents.add(event.event().value() + "/" + event.callStatus().value());
            } else {
                ConferenceStatusEvent event = StatusCallbacks.conferenceEvent(form);
                assertThat(event.conferenceSid()).isEqualTo(p.conferenceSid());
                assertThat(event.sequenceNumber()).isEqualTo(conferenceEvents.size());
                if (event.isParticipantEvent()) {
                    assertThat(event.participantLabel()).isEqualTo(label);
                }
                conferenceEvents.add(event.event());
            }
        }
        assertThat(participantEvents).containsExactly("initiated/initiated", "ringing/ringing",
                "answered/in-progress", "completed/completed");
        assertThat(conferenceEvents).containsExactly(ConferenceEventType.CONFERENCE_START,
                ConferenceEventType.PARTICIPANT_JOIN, ConferenceEventType.PARTICIPANT_MUTE,
                ConferenceEventType.PARTICIPANT_HOLD, ConferenceEventType.ANNOUNCEMENT_END,
                ConferenceEventType.PARTICIPANT_LEAVE, ConferenceEventType.CONFERENCE_END);

        Received first = received.get(0);
        String tampered = first.body().replace("initiated", "completed");
        assertThat(validator.validateForm(first.url(), tampered, first.signature()).outcome())
                .isEqualTo(SignatureCheck.Outcome.SIGNATURE_MISMATCH);
        assertThat(WebhookValidator.of("not-the-token").validateForm(first.url(), first.body(), first.signature())
                .isValid()).isFalse();
    }

    /** Waits for {@code count} callbacks of this test (to this receiver, or refused), then a little longer. */
    private List<SentCallback> settled(int count) {
        String mine = ":" + receiver.getAddress().getPort() + "/";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<SentCallback> sent = List.of();
        while (System.nanoTime() < deadline) {
            sent = emulator.awaitSentCallbacks(Integer.MAX_VALUE, Duration.ofMillis(50)).stream()
                    .filter(c -> c.url().contains(mine) || c.failure() != null).toList();
            if (sent.size() >= count) {
                break;
            }
        }
        try {
            Thread.sleep(200); // a duplicate would show up now
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return emulator.sentCallbacks().stream().filter(c -> c.url().contains(mine) || c.failure() != null).toList();
    }

    private List<String> conferenceEvents() {
        return received.stream().filter(r -> r.path().equals("/conference"))
                .map(r -> StatusCallbacks.conferenceEvent(FormParameters.parse(r.body())))
                .map(e -> e.event().value() + (e.participantLabel() == null ? "" : ":" + e.participantLabel()))
                .toList();
    }

    private List<String> callStatuses(String callSid) {
        return received.stream().filter(r -> r.path().equals("/status"))
                .map(r -> StatusCallbacks.participantEvent(FormParameters.parse(r.body())))
                .filter(e -> e.callSid().equals(callSid)).map(e -> e.callStatus().value()).toList();
    }

    @Test
    void aModeratorStartsTheConferenceAndItsLeavingEndsItForEveryone() {
        String room = "moderated-" + transport;
        URI conferenceCallback = URI.create(base() + "/conference");
        CreateParticipantRequest.Builder guest = CreateParticipantRequest.builder(room, "+15005550006", "+15558675311")
                .label("guest").startConferenceOnEnter(false).conferenceStatusCallback(conferenceCallback)
                .conferenceStatusCallbackEvents(ConferenceCallbackEvent.knownValues())
                .statusCallback(URI.create(base() + "/status"))
                .statusCallbackEvents(ParticipantCallbackEvent.knownValues());
        Participant waiting = client.participants().create(guest.build());
        Participant host = client.participants().create(CreateParticipantRequest.builder(room, "+15005550006", "+15558675312")
                .label("host").endConferenceOnExit(true).statusCallback(URI.create(base() + "/status"))
                .statusCallbackEvents(ParticipantCallbackEvent.knownValues()).build());
        for (int i = 0; i < 3; i++) {
            client.participants().fetch(waiting.conferenceSid(), "guest");
        }
        for (int i = 0; i < 3; i++) {
            client.participants().fetch(host.conferenceSid(), "host");
        }
        client.participants().delete(host.conferenceSid(), "host");
        settled(14);

        assertThat(conferenceEvents()).containsExactly("participant-join:guest", "conference-start",
                "participant-join:host", "participant-leave:host", "participant-leave:guest", "conference-end");
        assertThat(callStatuses(waiting.callSid())).containsExactly("initiated", "ringing", "in-progress",
                "completed");
        assertThat(client.participants().list(waiting.conferenceSid()).toList()).as("everyone left with the host").isEmpty();
        Participant later = client.participants().create(CreateParticipantRequest.builder(room, "+15005550006", "+15558675313")
                .build());
        assertThat(later.conferenceSid()).as("an ended conference's name names a new one")
                .isNotEqualTo(waiting.conferenceSid());
    }

    @Test
    void aCallEndsOnceAndAnUnansweredOneIsCanceled() {
        URI status = URI.create(base() + "/status");
        Participant failing = client.participants().create(CreateParticipantRequest.builder("ends-" + transport, "+15005550006",
                "+15005550001").statusCallback(status).statusCallbackEvents(ParticipantCallbackEvent.knownValues())
                .build());
        client.participants().fetch(failing.conferenceSid(), failing.callSid());
        client.participants().delete(failing.conferenceSid(), failing.callSid());
        Participant unanswered = client.participants().create(CreateParticipantRequest.builder("ends-" + transport, "+15005550006",
                "+15558675314").statusCallback(status).statusCallbackEvents(ParticipantCallbackEvent.knownValues())
                .build());
        client.participants().delete(unanswered.conferenceSid(), unanswered.callSid());
        settled(4);

        assertThat(callStatuses(failing.callSid())).containsExactly("initiated", "failed");
        assertThat(callStatuses(unanswered.callSid())).containsExactly("initiated", "canceled");
    }

    @Test
    void aGetCallbackIsSignedOverItsUrlAndCarriesItsParametersInTheQuery() {
        Participant p = client.participants().create(CreateParticipantRequest.builder("by-get-" + transport, "+15005550006",
                        "+15558675315").statusCallback(URI.create(base() + "/status?tenant=7"))
                .statusCallbackMethod(dev.conclave.model.HttpMethod.GET)
                .statusCallbackEvents(ParticipantCallbackEvent.INITIATED).build());
        settled(1);
        assertThat(received).hasSize(1);
        Received get = received.get(0);
        assertThat(get.body()).isEmpty();
        assertThat(WebhookValidator.of(emulator.authToken()).validateForm(get.url(), "", get.signature()).isValid())
                .isTrue();
        String query = get.url().substring(get.url().indexOf('?') + 1);
        ParticipantStatusEvent event = StatusCallbacks.participantEvent(FormParameters.parse(query));
        assertThat(event.callSid()).isEqualTo(p.callSid());
        assertThat(event.event()).isEqualTo(ParticipantCallbackEvent.INITIATED);
        assertThat(FormParameters.parse(query).first("tenant")).contains("7");
    }

    @Test
    void onlyTheEventsAskedForAreSentAndNeverOffThisMachine() {
        Participant p = client.participants().create(CreateParticipantRequest.builder("quiet-" + transport, "+15005550006",
                        "+15558675310")
                .statusCallback(URI.create(base() + "/status"))
                .build());
        client.participants().create(CreateParticipantRequest.builder("elsewhere-" + transport, "+15005550006", "+15558675311")
                .statusCallback(URI.create("https://callbacks.example.com/status"))
                .statusCallbackEvents(ParticipantCallbackEvent.INITIATED).build());
        client.participants().delete(p.conferenceSid(), p.callSid());

        List<SentCallback> sent = settled(2);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).failure()).contains("loopback addresses only").contains("callbacks.example.com");
        assertThat(sent.get(1).event()).as("the completed event of a call never answered").isEqualTo("canceled");
        assertThat(received).hasSize(1);
        assertThat(StatusCallbacks.participantEvent(FormParameters.parse(received.get(0).body())).event())
                .isEqualTo(ParticipantCallbackEvent.COMPLETED);
    }
}
