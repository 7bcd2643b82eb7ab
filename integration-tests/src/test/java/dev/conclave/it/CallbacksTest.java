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
import dev.conclave.testkit.SentCallback;
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
        Participant p = client.create(CreateParticipantRequest.builder("callbacks-" + transport, "+15005550006",
                        "+15558675310").label(label)
                .statusCallback(URI.create(base() + "/status?tenant=a%20b"))
                .statusCallbackEvents(ParticipantCallbackEvent.knownValues().toArray(ParticipantCallbackEvent[]::new))
                .conferenceStatusCallback(URI.create(base() + "/conference"))
                .conferenceStatusCallbackEvents(ConferenceCallbackEvent.START, ConferenceCallbackEvent.END,
                        ConferenceCallbackEvent.JOIN, ConferenceCallbackEvent.LEAVE, ConferenceCallbackEvent.MUTE,
                        ConferenceCallbackEvent.HOLD, ConferenceCallbackEvent.ANNOUNCEMENT)
                .build());
        for (int i = 0; i < 3; i++) {
            client.fetch(p.conferenceSid(), label); // connecting, ringing, connected
        }
        client.update(p.conferenceSid(), label, UpdateParticipantRequest.builder().muted(true).build());
        client.update(p.conferenceSid(), label, UpdateParticipantRequest.builder().hold(true).build());
        client.update(p.conferenceSid(), label, UpdateParticipantRequest.builder()
                .announceUrl(URI.create("https://example.com/announce.xml")).build());
        client.delete(p.conferenceSid(), label);

        List<SentCallback> sent = emulator.awaitSentCallbacks(11, Duration.ofSeconds(10));
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

    @Test
    void onlyTheEventsAskedForAreSentAndNeverOffThisMachine() {
        Participant p = client.create(CreateParticipantRequest.builder("quiet-" + transport, "+15005550006",
                        "+15558675310")
                .statusCallback(URI.create(base() + "/status"))
                .build());
        client.create(CreateParticipantRequest.builder("elsewhere-" + transport, "+15005550006", "+15558675311")
                .statusCallback(URI.create("https://callbacks.example.com/status"))
                .statusCallbackEvents(ParticipantCallbackEvent.INITIATED).build());
        client.delete(p.conferenceSid(), p.callSid());

        List<SentCallback> sent = emulator.awaitSentCallbacks(2, Duration.ofSeconds(10));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).failure()).contains("loopback addresses only").contains("callbacks.example.com");
        assertThat(sent.get(1).event()).isEqualTo("completed");
        assertThat(received).hasSize(1);
        assertThat(FormParameters.parse(received.get(0).body()).first("CallStatus")).contains("completed");
    }
}
