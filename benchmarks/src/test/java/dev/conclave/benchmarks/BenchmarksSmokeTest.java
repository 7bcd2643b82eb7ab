package dev.conclave.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * CI's check that every benchmark runs: each benchmark method, for each of its parameters, executed once in this
 * JVM (single shot, no warm-up, no fork). It measures nothing; the benchmarks themselves never run in CI.
 */
class BenchmarksSmokeTest {
    @Test
    @Timeout(300)
    void everyBenchmarkRunsOnce() throws Exception {
        boolean virtualThreads = Runtime.version().feature() >= 21;
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(DecodeBenchmark.class.getName())
                .include(CreateBenchmark.class.getName())
                .include(PaginationBenchmark.class.getName())
                .include(FetchLatencyBenchmark.class.getName())
                .include(ObservationBenchmark.class.getName())
                .include(TuneListingBenchmark.class.getName())
                .include(TuneConcurrencyBenchmark.class.getName());
        if (virtualThreads) {
            builder.include(TuneVirtualThreadsBenchmark.class.getName());
        }
        Options once = builder
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementBatchSize(1)
                .forks(0)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(once).run();
        List<String> ran = results.stream().map(r -> r.getParams().getBenchmark().replaceAll(".*\\.", "")
                + r.getParams().getParamsKeys().stream().map(k -> " " + k + "=" + r.getParams().getParam(k)).toList())
                .sorted().toList();
        // Decode: 5 methods x 2 page sizes; create: 2; pagination: 2 page sizes x 8 clients; fetch: 5 clients;
        // observation: 2 clients x 3 kinds; listing tuning: 3 transports x 3 page sizes x 2 read-ahead settings;
        // concurrency tuning: 3 transports x 3 in flight x 2 kinds, and on JDK 21 or later 3 x 3 on virtual threads.
        assertThat(ran).as("benchmarks run").hasSize(75 + (virtualThreads ? 9 : 0));
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
