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
 * Reads the JSON results of one benchmark run ({@code -rf json -rff results.json}) and prints the ratios
 * within that run, each twice: from JMH's scores (means of the iterations) and from the medians of the
 * iterations, which a shared, noisy machine disturbs less (one slow iteration moves a mean of five by a fifth of
 * its excess, a median not at all).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.conclave.benchmarks.Ratios results.json</pre>
 */
public final class Ratios {
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

    /** One benchmark and parameter combination's figures. */
    record Figures(double mean, double median, double allocatedPerOp) {
    }

    /** The figures of a run, keyed by {@code Benchmark.method} followed by its parameters, e.g. {@code Decode.conclave 50}. */
    static Map<String, Figures> read(File results) throws IOException {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (JsonNode result : new ObjectMapper().readTree(results)) {
            String benchmark = result.get("benchmark").asText().replaceAll(".*\\.(\\w+)Benchmark\\.", "$1.");
            StringBuilder key = new StringBuilder(benchmark);
            JsonNode params = result.get("params");
            if (params != null) {
                for (String name : List.of("client", "observation", "pageSize")) {
                    if (params.has(name)) {
                        key.append(' ').append(params.get(name).asText());
                    }
                }
            }
            JsonNode primary = result.get("primaryMetric");
            List<Double> iterations = new ArrayList<>();
            for (JsonNode fork : primary.path("rawData")) {
                fork.forEach(value -> iterations.add(value.asDouble()));
            }
            JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            figures.put(key.toString(), new Figures(primary.get("score").asDouble(),
                    iterations.isEmpty() ? Double.NaN : median(iterations), alloc.isMissingNode() ? Double.NaN
                            : alloc.asDouble()));
        }
        return figures;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static void print(Map<String, Figures> run, PrintStream out) {
        out.println("ratio                                         target   from means   from medians");
        for (String size : List.of("50", "1000")) {
            // Times per operation: a ratio of times is the inverse ratio of throughputs.
            ratio(out, "decode page " + size + ", every field: official / conclave", ">= 5", run.get("Decode.official " + size),
                    run.get("Decode.conclave " + size));
            ratio(out, "decode page " + size + ", every field: conclave / token scan", "-",
                    run.get("Decode.conclave " + size), run.get("Decode.tokenScan " + size));
            allocation(out, "decode page " + size + ", every field: allocation conclave / official", "<= 0.067",
                    run.get("Decode.conclave " + size), run.get("Decode.official " + size));
        }
        for (String size : List.of("1000", "50")) {
            for (String client : List.of("apache-sync", "apache-async", "netty-sync", "netty-async")) {
                ratio(out, "listing page " + size + ": official / " + client, size.equals("50") ? ">= 2.5" : ">= 4",
                        run.get("Pagination.listAll official " + size),
                        run.get("Pagination.listAll " + client + " " + size));
            }
        }
        ratio(out, "create encode: official / conclave", ">= 5", run.get("Encode.official"),
                run.get("Encode.conclave"));
    }

    private static void allocation(PrintStream out, String what, String target, Figures conclave, Figures official) {
        if (conclave != null && official != null) {
            out.printf(Locale.ROOT, "%-45s %-8s %10.3f%n", what, target, conclave.allocatedPerOp()
                    / official.allocatedPerOp());
        }
    }

    private static void ratio(PrintStream out, String what, String target, Figures numerator, Figures denominator) {
        if (numerator == null || denominator == null) {
            return;
        }
        out.printf(Locale.ROOT, "%-45s %-8s %10.2f %14.2f%n", what, target, numerator.mean() / denominator.mean(),
                numerator.median() / denominator.median());
    }
}
