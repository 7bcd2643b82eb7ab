package dev.conclave.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON results of one benchmark run ({@code -rf json -rff results.json}) and prints the targets' ratios
 * within that run, each twice: from JMH's scores (means of the iterations) and from the medians of the
 * iterations, which a shared, noisy machine disturbs less (one slow iteration moves a mean of five by a fifth of
 * its excess, a median not at all). A target is judged by the means.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.conclave.benchmarks.Ratios results.json</pre>
 */
public final class Ratios {
    /** The parameters that name a result, in the order they are written after the benchmark's name. */
    private static final List<String> KEY_PARAMS = List.of("client", "transport", "api", "threads", "observation",
            "inFlight", "readAhead", "pageSize", "maxConnections");
    /** The Conclave clients of the listing benchmark; each one is held to the listing targets. */
    static final List<String> CONCLAVE_CLIENTS = List.of("apache-sync", "apache-async", "netty-sync",
            "netty-async", "jdk-sync", "jdk-async");

    private Ratios() {
    }

    /**
     * Prints the ratios of a run.
     *
     * @param args the results file
     * @throws IOException if it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Ratios results.json");
            System.exit(2);
        }
        print(read(new File(args[0])), System.out);
    }

    /**
     * One benchmark and parameter combination's figures, in the benchmark's unit.
     *
     * @param benchmark the benchmark's short name, e.g. {@code Decode.conclave}
     * @param params its parameters in {@link #KEY_PARAMS} order, e.g. {@code {pageSize=50}}
     * @param mean JMH's score
     * @param error JMH's 99.9% error of the score, NaN when a single iteration gives none
     * @param unit JMH's unit, e.g. {@code us/op}
     * @param median the median of the measured iterations (NaN in sample-time mode, whose results hold a histogram)
     * @param p50 the sampled median, NaN unless the mode is sample time
     * @param p99 the sampled 99th percentile, NaN unless the mode is sample time
     * @param allocatedPerOp bytes allocated per operation ({@code -prof gc}), NaN without it
     */
    record Figures(String benchmark, Map<String, String> params, double mean, double error, String unit,
            double median, double p50, double p99, double allocatedPerOp) {
        Figures(double mean, double median, double allocatedPerOp) {
            this("", Map.of(), mean, Double.NaN, "", median, Double.NaN, Double.NaN, allocatedPerOp);
        }
    }

    /**
     * The figures of a run, keyed by {@code Benchmark.method} followed by its parameters, e.g.
     * {@code Decode.conclave 50}; a parameter whose value is {@code default} is left out of the key.
     */
    static Map<String, Figures> read(File results) throws IOException {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (JsonNode result : new ObjectMapper().readTree(results)) {
            String benchmark = result.get("benchmark").asText().replaceAll(".*\\.(\\w+)Benchmark\\.", "$1.");
            StringBuilder key = new StringBuilder(benchmark);
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode given = result.get("params");
            if (given != null) {
                for (String name : KEY_PARAMS) {
                    if (given.has(name) && !given.get(name).asText().equals("default")) {
                        key.append(' ').append(given.get(name).asText());
                        params.put(name, given.get(name).asText());
                    }
                }
            }
            JsonNode primary = result.get("primaryMetric");
            List<Double> iterations = new ArrayList<>();
            for (JsonNode fork : primary.path("rawData")) {
                fork.forEach(value -> iterations.add(value.asDouble()));
            }
            JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            // Percentiles of single calls exist in sample-time mode only; elsewhere JMH's are of the iterations.
            JsonNode percentiles = result.path("mode").asText().equals("sample") ? primary.path("scorePercentiles")
                    : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            figures.put(key.toString(), new Figures(benchmark, params, primary.get("score").asDouble(),
                    number(primary.path("scoreError")), primary.path("scoreUnit").asText(),
                    iterations.isEmpty() ? Double.NaN : median(iterations), number(percentiles.path("50.0")),
                    number(percentiles.path("99.0")), number(alloc)));
        }
        return figures;
    }

    private static double number(JsonNode node) {
        return node.isNumber() || (node.isTextual() && !node.asText().equals("NaN")) ? node.asDouble() : Double.NaN;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** One target's ratio in a run. */
    record Ratio(String what, String target, double fromMeans, double fromMedians, boolean met) {
    }

    /** The targets' ratios of a run; a target whose benchmarks are not in the run is left out. */
    static List<Ratio> ratios(Map<String, Figures> run) {
        List<Ratio> ratios = new ArrayList<>();
        for (String size : List.of("50", "1000")) {
            // Times per operation: a ratio of times is the inverse ratio of throughputs.
            atLeast(ratios, "decode page " + size + ", every field: official / conclave", 7,
                    run.get("Decode.official " + size), run.get("Decode.conclave " + size));
            atMost(ratios, "decode page " + size + ", every field: conclave / token scan", 1.4,
                    run.get("Decode.conclave " + size), run.get("Decode.tokenScan " + size));
            Figures conclave = run.get("Decode.conclave " + size);
            Figures official = run.get("Decode.official " + size);
            if (conclave != null && official != null && !Double.isNaN(conclave.allocatedPerOp())
                    && !Double.isNaN(official.allocatedPerOp())) {
                double share = conclave.allocatedPerOp() / official.allocatedPerOp();
                ratios.add(new Ratio("decode page " + size + ", every field: allocation conclave / official",
                        "<= 0.05", share, share, share <= 0.05));
            }
            atLeast(ratios, "decode page " + size + ", call SID and status: official / conclave", 0,
                    run.get("Decode.officialCallSidAndStatus " + size),
                    run.get("Decode.conclaveCallSidAndStatus " + size));
        }
        atLeast(ratios, "create with its 201: official / conclave", 5, run.get("Create.official"),
                run.get("Create.conclave"));
        for (String client : CONCLAVE_CLIENTS) {
            atLeast(ratios, "listing 10,000, page 50: official / " + client, 4,
                    run.get("Pagination.listAll official 50"), run.get("Pagination.listAll " + client + " 50"));
        }
        for (String client : CONCLAVE_CLIENTS) {
            atLeast(ratios, "listing 10,000, page 1000: raw bytes / " + client, 0.6,
                    run.get("Pagination.listAll raw-apache 1000"), run.get("Pagination.listAll " + client + " 1000"));
        }
        return ratios;
    }

    static void print(Map<String, Figures> run, PrintStream out) {
        out.println("ratio                                                      target   from means   from medians");
        for (Ratio ratio : ratios(run)) {
            out.printf(Locale.ROOT, "%-58s %-8s %10.3f %14.3f   %s%n", ratio.what(), ratio.target(),
                    ratio.fromMeans(), ratio.fromMedians(), ratio.target().equals("-") ? "" : ratio.met() ? "met"
                            : "MISSED");
        }
    }

    /** A ratio of times {@code numerator / denominator} that must be at least {@code floor} (0: no target). */
    private static void atLeast(List<Ratio> ratios, String what, double floor, Figures numerator,
            Figures denominator) {
        if (numerator != null && denominator != null) {
            double means = numerator.mean() / denominator.mean();
            ratios.add(new Ratio(what, floor == 0 ? "-" : ">= " + floor, means,
                    numerator.median() / denominator.median(), means >= floor));
        }
    }

    private static void atMost(List<Ratio> ratios, String what, double ceiling, Figures numerator,
            Figures denominator) {
        if (numerator != null && denominator != null) {
            double means = numerator.mean() / denominator.mean();
            ratios.add(new Ratio(what, "<= " + ceiling, means, numerator.median() / denominator.median(),
                    means <= ceiling));
        }
    }
}
