package dev.conclave.benchmarks;

import dev.conclave.emulator.ParticipantEmulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tuning a listing: the time to list all 10,000 participants of a conference from the emulator on loopback, for
 * each transport, page size, and read-ahead setting, so that a user can pick theirs. Loopback round trips take tens
 * of microseconds; against Twilio they take tens of milliseconds, where reading a page ahead hides a round trip per
 * page. Run it with the page sizes a user would choose, e.g.
 * {@code java -jar benchmarks.jar TuneListing -p pageSize=100,500 -p transport=netty}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TuneListingBenchmark {
    /** Conclave's transport: {@code apache}, {@code netty} or {@code jdk}. */
    @Param({"apache", "netty", "jdk"})
    public String transport;

    /** The API shape: {@code sync} (an {@code Iterable}) or {@code async} (a {@code forEach} future). */
    @Param({"sync"})
    public String api;

    /** Participants per page (Twilio's default is 50, its maximum 1,000). */
    @Param({"50", "200", "1000"})
    public int pageSize;

    /** Whether the listing reads a page ahead while the caller iterates this one. */
    @Param({"true", "false"})
    public boolean readAhead;

    private ParticipantEmulator emulator;
    private Clients clients;
    private String conference;

    /** Starts the emulator with the conference, and the client. */
    @Setup(Level.Trial)
    public void start() {
        emulator = Clients.emulator();
        conference = emulator.createConference("benchmark");
        emulator.seedParticipants(conference, PaginationBenchmark.PARTICIPANTS);
        clients = new Clients(transport + '-' + api, emulator);
        long listed = clients.countAll(conference, pageSize, readAhead);
        if (listed != PaginationBenchmark.PARTICIPANTS) {
            throw new IllegalStateException(transport + " listed " + listed);
        }
    }

    /** Closes the client and the emulator. */
    @TearDown(Level.Trial)
    public void stop() {
        clients.close();
        emulator.close();
    }

    /** One full listing. */
    @Benchmark
    public long listAll() {
        return clients.listAll(conference, pageSize, readAhead);
    }
}
