package dev.conclave.benchmarks;

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
 * {@link TuneConcurrencyBenchmark} on virtual threads (JDK 21 or later; on JDK 17 its fork fails, JMH being unable
 * to make its virtual-thread executor):
 * blocking fetches, each on its own virtual thread, the measured one too (JMH runs its thread as a virtual one in
 * the fork, {@code -Djmh.executor=VIRTUAL}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djmh.executor=VIRTUAL")
public class TuneVirtualThreadsBenchmark {
    /** Conclave's transport: {@code apache}, {@code netty} or {@code jdk}. */
    @Param({"apache", "netty", "jdk"})
    public String transport;

    /** Calls in flight at all times, the measured one included. */
    @Param({"1", "16", "256"})
    public int inFlight;

    /** The client's {@code maxConnections} (its default is 50; more calls than that wait for a connection). */
    @Param({"50"})
    public int maxConnections;

    private FetchLoad load;

    /** Starts the emulator, the client and the calls kept in flight. */
    @Setup(Level.Trial)
    public void start() {
        load = new FetchLoad(transport, inFlight, FetchLoad.Kind.VIRTUAL, maxConnections);
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
        return load.fetch();
    }
}
