package dev.conclave.benchmarks;

import dev.conclave.emulator.ParticipantEmulator;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
 * What observation costs per fetch over loopback: no registry, a registry with no handler (Micrometer's no-op),
 * and a registry turning observations into timers in a {@link SimpleMeterRegistry} (plus the retry counter and
 * pool gauges). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} of {@code none} and {@code noop} must be
 * the same as without observation support at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObservationBenchmark {
    /** Transport and API shape. */
    @Param({"apache-sync", "netty-async"})
    public String client;

    /** {@code none}, {@code noop} or {@code meters}. */
    @Param({"none", "noop", "meters"})
    public String observation;

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
        clients = new Clients(client, emulator, builder -> switch (observation) {
            case "none" -> builder;
            case "noop" -> builder.observationRegistry(ObservationRegistry.NOOP);
            case "meters" -> {
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                ObservationRegistry registry = ObservationRegistry.create();
                registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
                yield builder.observationRegistry(registry).meterRegistry(meters);
            }
            default -> throw new IllegalArgumentException("observation: none, noop or meters, got " + observation);
        });
        if (!callSid.equals(fetch())) {
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
