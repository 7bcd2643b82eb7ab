package dev.conclave.benchmarks;

import java.util.Locale;
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
 * Tuning for concurrency: fetching one participant from the emulator on loopback with {@code inFlight} calls in
 * flight at all times, on platform threads or async, for each transport. JMH samples the latency of one of those
 * calls (its p50 and p99 are in the results); the calls per second are {@code inFlight / mean}, which
 * {@code Report} prints. Virtual threads: {@link TuneVirtualThreadsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class TuneConcurrencyBenchmark {
    /** Conclave's transport: {@code apache}, {@code netty} or {@code jdk}. */
    @Param({"apache", "netty", "jdk"})
    public String transport;

    /** Calls in flight at all times, the measured one included. */
    @Param({"1", "16", "256"})
    public int inFlight;

    /** How calls are made: {@code platform} (blocking, a platform thread each) or {@code async}. */
    @Param({"platform", "async"})
    public String threads;

    /** The client's {@code maxConnections} (its default is 50; more calls than that wait for a connection). */
    @Param({"50"})
    public int maxConnections;

    private FetchLoad load;
    private boolean async;

    /** Starts the emulator, the client and the calls kept in flight. */
    @Setup(Level.Trial)
    public void start() {
        FetchLoad.Kind kind = FetchLoad.Kind.valueOf(threads.toUpperCase(Locale.ROOT));
        if (kind == FetchLoad.Kind.VIRTUAL) {
            throw new IllegalArgumentException("threads: platform or async here; virtual threads are measured by "
                    + "TuneVirtualThreadsBenchmark");
        }
        async = kind == FetchLoad.Kind.ASYNC;
        load = new FetchLoad(transport, inFlight, kind, maxConnections);
    }

    /** Stops the load, the client and the emulator. */
    @TearDown(Level.Trial)
    public void stop() {
        load.close();
    }

    /** One fetch among {@code inFlight}. */
    @Benchmark
    public String fetch() {
        load.check();
        if (async) {
            return load.client.participants().async().fetch(load.conference, load.callSid).join().callSid();
        }
        return load.fetch();
    }
}
