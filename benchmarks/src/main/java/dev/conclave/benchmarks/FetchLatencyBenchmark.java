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
 * The latency distribution of fetching one participant over loopback from the in-process emulator, a call at a
 * time on a kept-alive connection: Conclave on each transport (blocking API), and the official client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FetchLatencyBenchmark {
    /** Which client. */
    @Param({"apache-sync", "netty-sync", "netty-async", "jdk-sync", "official"})
    public String client;

    private ParticipantEmulator emulator;
    private Clients clients;
    private String conference;
    private String callSid;

    /** Starts the emulator with one participant, and the client. */
    @Setup(Level.Trial)
    public void start() {
        emulator = Clients.emulator();
        conference = emulator.createConference("benchmark");
        callSid = emulator.seedParticipants(conference, 1).get(0);
        clients = new Clients(client, emulator);
        if (!callSid.equals(clients.fetch(conference, callSid))) {
            throw new IllegalStateException(client + " fetched another participant");
        }
    }

    /** Closes the client and the emulator. */
    @TearDown(Level.Trial)
    public void stop() {
        clients.close();
        emulator.close();
    }

    /** One fetch. */
    @Benchmark
    public String fetch() {
        return clients.fetch(conference, callSid);
    }
}
