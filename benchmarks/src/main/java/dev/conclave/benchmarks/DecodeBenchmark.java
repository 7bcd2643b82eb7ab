package dev.conclave.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.base.Page;
import com.twilio.http.TwilioRestClient;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpResponse;
import dev.conclave.internal.ParticipantJson;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one participants page from its bytes: Conclave's decoder, the official client's (from the same bytes,
 * as it reads a response: to a String, then Jackson databind into its {@code Page<Participant>}), and the lower
 * bound, a Jackson streaming scan of every token that creates nothing.
 *
 * <p>Five forks: the ratio against the scan compares benchmarks measured minutes apart, on a shared host a single
 * fork of either can land in a disturbed minute (the scan of a 1,000 page, which allocates nothing, took 565 µs in
 * one run and 895 µs in the next), and forks differ by what the JIT made of the code: in one run of five forks the
 * forks' means ran from 692 to 741 µs for Conclave's decoder and from 552 to 679 µs for the scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
public class DecodeBenchmark {
    /** Participants on the page. */
    @Param({"50", "1000"})
    public int pageSize;

    private byte[] bytes;
    private HttpResponse response;
    private ObjectMapper officialMapper;
    private final JsonFactory json = new JsonFactory();

    /** Generates the page and sets both decoders up. */
    @Setup
    public void generate() {
        bytes = PageData.page(pageSize, 42);
        response = HttpResponse.wrap(200, HttpHeaders.of("Content-Type", "application/json"), bytes);
        // The mapper the official client itself configures and uses.
        officialMapper = new TwilioRestClient.Builder(PageData.ACCOUNT, "benchmark-token").build().getObjectMapper();
        int conclave = conclave().participants().size();
        int official = official().getRecords().size();
        if (conclave != pageSize || official != pageSize) {
            throw new IllegalStateException("decoded " + conclave + " and " + official + ", expected " + pageSize);
        }
    }

    /**
     * Conclave: the page and its participants, immutable; their call SIDs, labels, dates, queue times and URIs stay
     * in the body's bytes until asked for (see {@link #conclaveEveryValue}).
     */
    @Benchmark
    public ParticipantPage conclave() {
        return ParticipantJson.page(response);
    }

    /**
     * Conclave, then every value of every participant read: what a page costs an application that uses all of it,
     * since a page's participants read their text and dates from the body when first asked for them. The official
     * client has made every value in {@link #official()} already.
     */
    @Benchmark
    public void conclaveEveryValue(Blackhole values) {
        for (Participant p : ParticipantJson.page(response).participants()) {
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

    /** The official client: the body as a String, then {@code Page.fromJson}. */
    @Benchmark
    public Page<com.twilio.rest.api.v2010.account.conference.Participant> official() {
        return Page.fromJson("participants", new String(bytes, StandardCharsets.UTF_8),
                com.twilio.rest.api.v2010.account.conference.Participant.class, officialMapper);
    }

    /** The floor: every token read, no value made. */
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
