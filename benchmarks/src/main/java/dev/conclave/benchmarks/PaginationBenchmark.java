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
 * Listing all 10,000 participants of a conference over loopback from the in-process emulator, page by page, each
 * participant's call SID read: Conclave on each transport and API shape with its default settings, the official
 * client, and the floor: Apache HttpClient alone reading the same pages' bytes ({@code raw-apache}). The emulator
 * serves every client alike, so its cost is in every figure; the differences are the clients'. To tune read-ahead
 * and page size for a transport, see {@link TuneListingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class PaginationBenchmark {
    /** Participants in the conference. */
    public static final int PARTICIPANTS = 10_000;

    /** Participants per page (Twilio's default is 50, its maximum 1,000). */
    @Param({"50", "1000"})
    public int pageSize;

    /** Which client: Conclave as {@code transport-shape}, {@code official}, or the floor {@code raw-apache}. */
    @Param({"apache-sync", "apache-async", "netty-sync", "netty-async", "jdk-sync", "jdk-async", "official",
            "raw-apache"})
    public String client;

    /**
     * Whether Conclave reads a page ahead of the iteration: {@code default} (on over Netty, off over Apache),
     * {@code true} or {@code false}; {@code -p readAhead=true,false} compares. The official client has no such
     * setting.
     */
    @Param({"default"})
    public String readAhead;

    private Boolean readAheadSetting;
    private ParticipantEmulator emulator;
    private Clients clients;
    private String conference;

    /** Starts the emulator with the conference, and the client. */
    @Setup(Level.Trial)
    public void start() {
        readAheadSetting = switch (readAhead) {
            case "default" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("readAhead: default, true or false, got " + readAhead);
        };
        emulator = Clients.emulator();
        conference = emulator.createConference("benchmark");
        emulator.seedParticipants(conference, PARTICIPANTS);
        clients = new Clients(client, emulator);
        long listed = clients.countAll(conference, pageSize, readAheadSetting);
        if (listed != PARTICIPANTS) {
            throw new IllegalStateException(client + " listed " + listed + " of " + PARTICIPANTS);
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
        return clients.listAll(conference, pageSize, readAheadSetting);
    }
}
