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

/**
 * Building a participant create with 21 parameters set (three of them lists) and form-encoding it to the bytes
 * that go on the wire, through each client's public API: Conclave's {@code participants().create(...)} over a
 * canned transport that keeps the body it is handed and answers a minimal 201, and the official client's creator
 * with the encoding its HTTP client performs (captured before anything is sent).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class EncodeBenchmark {
    private static final String CONFERENCE = "CF4f9a2c1e7b3d5a6f8e0c2b4d6a8f0e1c";
    private static final URI STATUS = URI.create("https://example.com/hooks/participant?tenant=42");
    private static final URI CONFERENCE_STATUS = URI.create("https://example.com/hooks/conference");
    private static final URI RECORDING_STATUS = URI.create("https://example.com/hooks/recording");
    private static final URI WAIT = URI.create("https://example.com/twiml/hold-music.xml");

    private static final HttpResponse CREATED = HttpResponse.wrap(201,
            HttpHeaders.of("Content-Type", "application/json"), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private Official.Capturing official;
    private ConclaveClient client;
    private HttpRequest sent;

    /** Sets both clients up to capture their encoded bodies. */
    @Setup
    public void setUp() {
        official = Official.capturing(PageData.ACCOUNT);
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
        int ours = conclave().bodyLength();
        byte[] theirs = official();
        if (ours < 400 || theirs.length < 400) {
            throw new IllegalStateException("unexpectedly short bodies: " + ours + " and " + theirs.length);
        }
    }

    /** Closes Conclave's client. */
    @TearDown
    public void close() {
        client.close();
    }

    /** Conclave: builder, then the create; returns the request with its form bytes as the transport got it. */
    @Benchmark
    public HttpRequest conclave() {
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
        client.participants().create(request);
        return sent;
    }

    /** The official client: creator, then the form its HTTP client encodes. */
    @Benchmark
    public byte[] official() {
        try {
            Participant.creator(PageData.ACCOUNT, CONFERENCE, new PhoneNumber("+15005550006"),
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
                    .create(official.client);
        } catch (RuntimeException stopped) {
            if (stopped != Official.Capturing.CAPTURED && stopped.getCause() != Official.Capturing.CAPTURED) {
                throw stopped;
            }
        }
        return official.body;
    }
}
