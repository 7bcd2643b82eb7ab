package dev.conclave.benchmarks;

import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.PhoneNumber;
import dev.conclave.ConclaveClient;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.model.Beep;
import dev.conclave.model.ConferenceCallbackEvent;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.RecordingCallbackEvent;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A participant create with 22 parameters set (From, To and 20 more, three of them lists), whole, through each client's public API:
 * the request built, form-encoded to the bytes that go on the wire, exchanged over a canned in-memory transport
 * that answers Twilio's 201 with the created participant, that answer decoded, and all 15 values of the
 * participant read. Conclave: {@code participants().create(...)} over a canned {@code BlockingHttpTransport}. The
 * official client 13.0.1: its creator over a canned {@code com.twilio.http.HttpClient} that encodes the form as its
 * {@code NetworkHttpClient} does before sending.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class CreateBenchmark {
    private static final String CONFERENCE = "CF4f9a2c1e7b3d5a6f8e0c2b4d6a8f0e1c";
    private static final URI STATUS = URI.create("https://example.com/hooks/participant?tenant=42");
    private static final URI CONFERENCE_STATUS = URI.create("https://example.com/hooks/conference");
    private static final URI RECORDING_STATUS = URI.create("https://example.com/hooks/recording");
    private static final URI WAIT = URI.create("https://example.com/twiml/hold-music.xml");

    private static final byte[] PARTICIPANT = PageData.participant(7);
    private static final HttpResponse CREATED = HttpResponse.wrap(201,
            HttpHeaders.of("Content-Type", "application/json"), PARTICIPANT);

    private Official.Answering official;
    private ConclaveClient client;
    private HttpRequest sent;

    /** Sets both clients up over their canned transports, and checks that both send a whole form. */
    @Setup
    public void setUp(Blackhole values) {
        official = Official.answering(PageData.ACCOUNT, 201, PARTICIPANT);
        client = ConclaveClient.builder()
                .credentials(PageData.ACCOUNT, "benchmark-token")
                .transport(new BlockingHttpTransport() {
                    @Override
                    public HttpResponse execute(HttpRequest request) {
                        sent = request;
                        return CREATED;
                    }

                    @Override
                    public String name() {
                        return "capturing";
                    }

                    @Override
                    public void close() {
                    }
                })
                .build();
        conclave(values);
        official(values);
        int ours = sent.bodyLength();
        int theirs = official.lastBody().length;
        if (ours < 400 || theirs < 400) {
            throw new IllegalStateException("unexpectedly short bodies: " + ours + " and " + theirs);
        }
    }

    /** Closes Conclave's client. */
    @TearDown
    public void close() {
        client.close();
    }

    /** Conclave: builder, create, and the 15 values of the created participant read. */
    @Benchmark
    public void conclave(Blackhole values) {
        CreateParticipantRequest request = CreateParticipantRequest.builder(CONFERENCE, "+15005550006",
                        "+15558675310")
                .label("agent-7 (night shift)")
                .statusCallback(STATUS)
                .statusCallbackMethod(dev.conclave.model.HttpMethod.POST)
                .statusCallbackEvents(ParticipantCallbackEvent.INITIATED, ParticipantCallbackEvent.RINGING,
                        ParticipantCallbackEvent.ANSWERED, ParticipantCallbackEvent.COMPLETED)
                .timeout(30)
                .record(false)
                .muted(true)
                .beep(Beep.ON_EXIT)
                .startConferenceOnEnter(true)
                .endConferenceOnExit(false)
                .waitUrl(WAIT)
                .earlyMedia(true)
                .maxParticipants(50)
                .conferenceStatusCallback(CONFERENCE_STATUS)
                .conferenceStatusCallbackEvents(ConferenceCallbackEvent.START, ConferenceCallbackEvent.END,
                        ConferenceCallbackEvent.JOIN, ConferenceCallbackEvent.LEAVE)
                .recordingStatusCallback(RECORDING_STATUS)
                .recordingStatusCallbackEvents(RecordingCallbackEvent.STARTED, RecordingCallbackEvent.COMPLETED)
                .coaching(false)
                .callerId("+15005550006")
                .timeLimit(3600)
                .build();
        dev.conclave.model.Participant p = client.participants().create(request);
        values.consume(p.accountSid());
        values.consume(p.callSid());
        values.consume(p.label());
        values.consume(p.callSidToCoach());
        values.consume(p.coaching());
        values.consume(p.conferenceSid());
        values.consume(p.dateCreated());
        values.consume(p.dateUpdated());
        values.consume(p.endConferenceOnExit());
        values.consume(p.muted());
        values.consume(p.hold());
        values.consume(p.startConferenceOnEnter());
        values.consume(p.status());
        values.consume(p.queueTime());
        values.consume(p.uri());
    }

    /** The official client: creator, create, and the 15 getters of the created participant read. */
    @Benchmark
    public void official(Blackhole values) {
        Participant p = Participant.creator(PageData.ACCOUNT, CONFERENCE, new PhoneNumber("+15005550006"),
                            new PhoneNumber("+15558675310"))
                    .setLabel("agent-7 (night shift)")
                    .setStatusCallback(STATUS)
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                    .setTimeout(30)
                    .setRecord(false)
                    .setMuted(true)
                    .setBeep("onExit")
                    .setStartConferenceOnEnter(true)
                    .setEndConferenceOnExit(false)
                    .setWaitUrl(WAIT)
                    .setEarlyMedia(true)
                    .setMaxParticipants(50)
                    .setConferenceStatusCallback(CONFERENCE_STATUS)
                    .setConferenceStatusCallbackEvent(List.of("start", "end", "join", "leave"))
                    .setRecordingStatusCallback(RECORDING_STATUS)
                    .setRecordingStatusCallbackEvent(List.of("started", "completed"))
                    .setCoaching(false)
                    .setCallerId("+15005550006")
                    .setTimeLimit(3600)
                    .create(official.client());
        values.consume(p.getAccountSid());
        values.consume(p.getCallSid());
        values.consume(p.getLabel());
        values.consume(p.getCallSidToCoach());
        values.consume(p.getCoaching());
        values.consume(p.getConferenceSid());
        values.consume(p.getDateCreated());
        values.consume(p.getDateUpdated());
        values.consume(p.getEndConferenceOnExit());
        values.consume(p.getMuted());
        values.consume(p.getHold());
        values.consume(p.getStartConferenceOnEnter());
        values.consume(p.getStatus());
        values.consume(p.getQueueTime());
        values.consume(p.getUri());
    }
}
