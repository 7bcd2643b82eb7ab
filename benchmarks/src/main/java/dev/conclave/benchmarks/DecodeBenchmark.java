package dev.conclave.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.twilio.http.TwilioRestClient;
import dev.conclave.ConclaveClient;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A list call answered from memory, through each client's public API as an application makes it, with every
 * field of every participant read: Conclave's {@code client.list(...)} over a canned transport, and the official
 * client's {@code Participant.reader(...).firstPage(client)} over a canned {@code com.twilio.http.HttpClient} that
 * prepares each request as its {@code NetworkHttpClient} does and answers with a stream of the bytes, as that one
 * does; both given the same page bytes. The floor is a Jackson streaming scan of the same bytes that makes
 * nothing. The {@code ...CallSidAndStatus} variants read two values of each participant, as an application that looks for who
 * is connected does; both clients decode every field either way, since both decode eagerly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class DecodeBenchmark {
    private static final String CONFERENCE = PageData.CONFERENCE;

    /** Participants on the page. */
    @Param({"50", "1000"})
    public int pageSize;

    private byte[] bytes;
    private ConclaveClient conclave;
    private ListParticipantsRequest request;
    private TwilioRestClient official;
    private final JsonFactory json = new JsonFactory();

    /** Generates the page and points both clients at it. */
    @Setup
    public void setUp(Blackhole check) {
        bytes = PageData.page(pageSize, 42);
        HttpResponse canned = HttpResponse.wrap(200, HttpHeaders.of("Content-Type", "application/json"), bytes);
        conclave = ConclaveClient.builder()
                .credentials(PageData.ACCOUNT, "benchmark-token")
                .transport(new BlockingHttpTransport() {
                    @Override
                    public HttpResponse execute(HttpRequest sent) {
                        return canned;
                    }

                    @Override
                    public String name() {
                        return "canned";
                    }

                    @Override
                    public void close() {
                    }
                })
                .build();
        request = ListParticipantsRequest.builder(CONFERENCE).pageSize(pageSize).build();
        official = Official.answering(PageData.ACCOUNT, 200, bytes).client();
        int read = 0;
        for (Participant p : conclave.participants().list(request).limit(pageSize)) {
            read += p.callSid() != null ? 1 : 0;
        }
        int officialRead = com.twilio.rest.api.v2010.account.conference.Participant.reader(CONFERENCE)
                .setPageSize((long) pageSize).firstPage(official).getRecords().size();
        if (read != pageSize || officialRead != pageSize) {
            throw new IllegalStateException("read " + read + " and " + officialRead + ", expected " + pageSize);
        }
    }

    /** Closes Conclave's client. */
    @TearDown
    public void close() {
        conclave.close();
    }

    /** Conclave: one page listed, all 15 values of each participant read. */
    @Benchmark
    public void conclave(Blackhole values) {
        for (Participant p : conclave.participants().list(request).limit(pageSize)) {
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
    }

    /** The official client 13.0.1: its first page read, all 15 getters of each participant. */
    @Benchmark
    public void official(Blackhole values) {
        for (com.twilio.rest.api.v2010.account.conference.Participant p
                : com.twilio.rest.api.v2010.account.conference.Participant.reader(CONFERENCE)
                .setPageSize((long) pageSize).firstPage(official).getRecords()) {
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

    /** Conclave: one page listed, the call SID and status of each participant read. */
    @Benchmark
    public void conclaveCallSidAndStatus(Blackhole values) {
        for (Participant p : conclave.participants().list(request).limit(pageSize)) {
            values.consume(p.callSid());
            values.consume(p.status());
        }
    }

    /** The official client 13.0.1: its first page read, the call SID and status of each participant. */
    @Benchmark
    public void officialCallSidAndStatus(Blackhole values) {
        for (com.twilio.rest.api.v2010.account.conference.Participant p
                : com.twilio.rest.api.v2010.account.conference.Participant.reader(CONFERENCE)
                .setPageSize((long) pageSize).firstPage(official).getRecords()) {
            values.consume(p.getCallSid());
            values.consume(p.getStatus());
        }
    }

    /** The floor: every token of the page read, no value made. */
    @Benchmark
    public int tokenScan() throws IOException {
        int tokens = 0;
        try (JsonParser parser = json.createParser(bytes)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
