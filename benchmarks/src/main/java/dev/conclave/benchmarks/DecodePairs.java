package dev.conclave.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The decode ratios measured in rounds: each round runs one JMH fork of {@link DecodeBenchmark}'s Conclave decoder
 * and one of its token scan back to back (then the official client's), so that the two sides of a ratio are
 * measured seconds apart, not minutes. In the full suite JMH runs every fork of one benchmark before the next; on a
 * shared host whose load moves whole minutes, the ratio of two benchmarks measured minutes apart says as much about
 * the host as about the code (the same jar's scan of a 1,000 page took 602 µs in one run and 797 µs in the next).
 * Each round gives its own ratios; the run's ratio is their median, printed with the lowest and highest. The same
 * ratios from each fork's fastest iteration follow: the host's load only ever adds time, so they show what the
 * code costs when the host lets it run, while the targets are judged by the means.
 *
 * <p>The order alternates between rounds (Conclave, scan, official; then official, scan, Conclave) so that neither
 * side always runs first. Each fork: 3 warm-up and 5 measured iterations of 1 s, as in the suite.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.conclave.benchmarks.DecodePairs [rounds, default 5]</pre>
 */
public final class DecodePairs {
    /** The benchmark methods of {@link DecodeBenchmark} a round runs, in its first order. */
    static final List<String> SUBJECTS = List.of("conclave", "tokenScan", "official");

    private DecodePairs() {
    }

    /**
     * How much to run.
     *
     * @param rounds rounds per page size, at least 1
     * @param forks JMH forks per measurement: 1 (a fresh JVM, as the suite) or 0 (in this JVM; for the smoke test)
     * @param warmupIterations warm-up iterations per fork
     * @param iterations measured iterations per fork, at least 1
     * @param iterationTime the time of each iteration
     * @param pageSizes the page sizes, each a value of {@link DecodeBenchmark#pageSize}
     */
    record Settings(int rounds, int forks, int warmupIterations, int iterations, TimeValue iterationTime,
            List<String> pageSizes) {
        Settings {
            if (rounds < 1 || iterations < 1 || forks < 0 || warmupIterations < 0) {
                throw new IllegalArgumentException("rounds and iterations must be at least 1, forks and warm-up "
                        + "iterations at least 0");
            }
            pageSizes = List.copyOf(pageSizes);
        }

        /** The suite's settings per fork, with the given number of rounds over pages of 50 and 1,000. */
        static Settings standard(int rounds) {
            return new Settings(rounds, 1, 3, 5, TimeValue.seconds(1), List.of("50", "1000"));
        }
    }

    /**
     * One round at one page size.
     *
     * @param pageSize the page size
     * @param number the round, from 1
     * @param iterations each subject's measured iterations, in µs per page decoded
     */
    record Round(String pageSize, int number, Map<String, double[]> iterations) {
        Round {
            iterations = Map.copyOf(iterations);
        }

        /** A subject's mean over its iterations, in µs: JMH's score of the fork. */
        double mean(String subject) {
            return Arrays.stream(iterations.get(subject)).average().orElseThrow();
        }

        /** A subject's fastest iteration, in µs: on a shared host the one the least disturbed. */
        double fastest(String subject) {
            return Arrays.stream(iterations.get(subject)).min().orElseThrow();
        }

        /** Conclave's mean time over the scan's: the target is at most 1.3. */
        double conclaveOverScan() {
            return mean("conclave") / mean("tokenScan");
        }

        /** The official client's mean time over Conclave's: Conclave's throughput over the official client's. */
        double officialOverConclave() {
            return mean("official") / mean("conclave");
        }

        /** {@link #conclaveOverScan()} from the fastest iterations. */
        double fastestConclaveOverScan() {
            return fastest("conclave") / fastest("tokenScan");
        }

        /** {@link #officialOverConclave()} from the fastest iterations. */
        double fastestOfficialOverConclave() {
            return fastest("official") / fastest("conclave");
        }
    }

    /**
     * Runs the rounds and prints each, then the summary.
     *
     * @param args optionally the number of rounds per page size (default 5)
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Round> measured = run(Settings.standard(rounds), System.out);
        System.out.println();
        summarise(measured, System.out);
    }

    /** Runs every round, printing each as it ends. */
    static List<Round> run(Settings settings, PrintStream out) throws RunnerException {
        List<Round> rounds = new ArrayList<>();
        for (int number = 1; number <= settings.rounds(); number++) {
            for (String pageSize : settings.pageSizes()) {
                List<String> order = new ArrayList<>(SUBJECTS);
                if (number % 2 == 0) {
                    Collections.reverse(order);
                }
                Map<String, double[]> iterations = new LinkedHashMap<>();
                for (String subject : order) {
                    iterations.put(subject, measure(settings, subject, pageSize));
                }
                Round round = new Round(pageSize, number, iterations);
                out.printf(Locale.ROOT, "page %s, round %d (%s): means conclave %.1f us, token scan %.1f us, official"
                        + " %.1f us; conclave / scan %.2f (fastest iterations %.2f), official / conclave %.2f (%.2f)%n",
                        pageSize, number, String.join(", ", order), round.mean("conclave"), round.mean("tokenScan"),
                        round.mean("official"), round.conclaveOverScan(), round.fastestConclaveOverScan(),
                        round.officialOverConclave(), round.fastestOfficialOverConclave());
                rounds.add(round);
            }
        }
        return rounds;
    }

    /** One fork of one subject: its measured iterations, in µs. */
    private static double[] measure(Settings settings, String subject, String pageSize) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(DecodeBenchmark.class.getName() + "." + subject) + "$")
                .param("pageSize", pageSize)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(settings.iterationTime())
                .measurementIterations(settings.iterations())
                .measurementTime(settings.iterationTime())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(options).runSingle();
        return result.getBenchmarkResults().stream()
                .flatMap(benchmark -> benchmark.getIterationResults().stream())
                .mapToDouble(iteration -> iteration.getPrimaryResult().getScore())
                .toArray();
    }

    /**
     * Prints, per page size, the median of the rounds' ratios with the lowest and the highest: from the forks' means
     * (JMH's scores, by which the targets are judged), then from each fork's fastest iteration.
     */
    static void summarise(List<Round> rounds, PrintStream out) {
        out.println("ratio                                                   target   median of rounds   lowest   highest");
        for (boolean fastest : new boolean[] {false, true}) {
            String from = fastest ? " (fastest)" : "";
            for (String pageSize : rounds.stream().map(Round::pageSize).distinct().toList()) {
                List<Round> ofSize = rounds.stream().filter(round -> round.pageSize().equals(pageSize)).toList();
                line(out, "decode page " + pageSize + ": official / conclave" + from, ">= 6", ofSize.stream()
                        .mapToDouble(fastest ? Round::fastestOfficialOverConclave : Round::officialOverConclave)
                        .toArray());
                line(out, "decode page " + pageSize + ": conclave / token scan" + from, "<= 1.3", ofSize.stream()
                        .mapToDouble(fastest ? Round::fastestConclaveOverScan : Round::conclaveOverScan).toArray());
            }
        }
    }

    private static void line(PrintStream out, String what, String target, double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "%-55s %-8s %16.2f %8.2f %9.2f  (%d rounds)%n", what, target, median(sorted),
                sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
