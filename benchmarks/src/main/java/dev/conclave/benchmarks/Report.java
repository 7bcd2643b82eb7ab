package dev.conclave.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JSON results of a run ({@code -rf json -rff results.json}) into what {@code docs/BENCHMARKS.md} shows:
 * a Markdown table of every result (score with its error, sampled percentiles, calls per second for the
 * concurrency benchmarks, bytes per operation and per participant), the targets' ratios, and with {@code --svg}
 * a chart of the headline speed-ups over the official client.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.conclave.benchmarks.Report results.json [--svg chart.svg]</pre>
 */
public final class Report {
    /** The client whose listing the chart shows: Conclave's default transport, blocking. */
    static final String CHARTED_CLIENT = "netty-sync";

    private Report() {
    }

    /**
     * Prints the report of a run, and writes its chart.
     *
     * @param args the results file, then optionally {@code --svg} and the chart's file
     * @throws IOException if the results cannot be read or the chart written
     */
    public static void main(String[] args) throws IOException {
        if (!(args.length == 1 || (args.length == 3 && args[1].equals("--svg")))) {
            System.err.println("usage: Report results.json [--svg chart.svg]");
            System.exit(2);
        }
        Map<String, Ratios.Figures> run = Ratios.read(new File(args[0]));
        table(run, System.out);
        System.out.println();
        Ratios.print(run, System.out);
        if (args.length == 3) {
            Files.writeString(Path.of(args[2]), svg(run), StandardCharsets.UTF_8);
            System.out.println();
            System.out.println("chart written to " + args[2]);
        }
    }

    /** The Markdown table of every result of a run, in the run's order. */
    static void table(Map<String, Ratios.Figures> run, PrintStream out) {
        out.println("| Benchmark | Parameters | Score ± 99.9% error | p50 / p99 | Calls/s | B/op | B/participant |");
        out.println("|---|---|---|---|---|---|---|");
        for (Ratios.Figures f : run.values()) {
            String unit = f.unit().replace("us/", "µs/");
            String score = Double.isNaN(f.error()) ? format(f.mean()) + " " + unit
                    : format(f.mean()) + " ± " + format(f.error()) + " " + unit;
            String percentiles = Double.isNaN(f.p50()) ? "" : format(f.p50()) + " / " + format(f.p99()) + " "
                    + unit.replace("/op", "");
            String calls = "";
            if (f.params().containsKey("inFlight") && f.unit().equals("us/op")) {
                calls = format(Integer.parseInt(f.params().get("inFlight")) * 1e6 / f.mean());
            }
            int participants = participants(f);
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", f.benchmark(),
                    String.join(", ", f.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .toList()), score, percentiles, calls, Double.isNaN(f.allocatedPerOp()) ? ""
                            : format(f.allocatedPerOp()), Double.isNaN(f.allocatedPerOp()) || participants == 0
                            ? "" : format(f.allocatedPerOp() / participants));
        }
    }

    /** The participants one operation decodes, 0 where that is not what it does. */
    private static int participants(Ratios.Figures f) {
        if (f.benchmark().startsWith("Decode.") && !f.benchmark().equals("Decode.tokenScan")) {
            return Integer.parseInt(f.params().get("pageSize"));
        }
        if (f.benchmark().startsWith("Create.")) {
            return 1;
        }
        if ((f.benchmark().startsWith("Pagination.") || f.benchmark().startsWith("TuneListing."))
                && !"raw-apache".equals(f.params().get("client"))) {
            return PaginationBenchmark.PARTICIPANTS;
        }
        return 0;
    }

    /** A number as a reader takes it in: three significant digits, thousands separated. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%,.1f" : magnitude >= 1 ? "%,.2f" : "%,.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** One bar of the chart: a workload, a series and how many times the official client's speed it is. */
    record Bar(String workload, String series, double speedUp) {
    }

    /** The chart's bars: speed relative to the official client (its time divided by the bar's time). */
    static List<Bar> bars(Map<String, Ratios.Figures> run) {
        List<Bar> bars = new ArrayList<>();
        for (String size : List.of("50", "1000")) {
            Ratios.Figures official = run.get("Decode.official " + size);
            add(bars, "Decode a page of " + size, "Conclave", official, run.get("Decode.conclave " + size));
            add(bars, "Decode a page of " + size, "floor", official, run.get("Decode.tokenScan " + size));
        }
        add(bars, "Create, with its 201", "Conclave", run.get("Create.official"), run.get("Create.conclave"));
        for (String size : List.of("50", "1000")) {
            Ratios.Figures official = run.get("Pagination.listAll official " + size);
            add(bars, "List 10,000, pages of " + size, "Conclave", official,
                    run.get("Pagination.listAll " + CHARTED_CLIENT + " " + size));
            add(bars, "List 10,000, pages of " + size, "floor", official,
                    run.get("Pagination.listAll raw-apache " + size));
        }
        return bars;
    }

    private static void add(List<Bar> bars, String workload, String series, Ratios.Figures official,
            Ratios.Figures subject) {
        if (official != null && subject != null) {
            bars.add(new Bar(workload, series, official.mean() / subject.mean()));
            // (a zero or missing mean gives no finite bar; the chart leaves such bars out)
        }
    }

    /** The chart as SVG: a horizontal bar per workload and series, on a scale from 0 to the largest speed-up. */
    static String svg(Map<String, Ratios.Figures> run) {
        List<Bar> bars = bars(run).stream().filter(bar -> Double.isFinite(bar.speedUp()) && bar.speedUp() > 0)
                .toList();
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("the results hold none of the charted benchmarks (Decode, Create, "
                    + "Pagination with the official client)");
        }
        int left = 190;
        int width = 760;
        int plot = width - left - 70;
        int barHeight = 18;
        double max = Math.ceil(bars.stream().mapToDouble(Bar::speedUp).max().orElse(1));
        List<String> workloads = bars.stream().map(Bar::workload).distinct().toList();
        int rowHeight = 2 * barHeight + 14;
        int top = 56;
        int height = top + workloads.size() * rowHeight + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Times as fast as the official Twilio "
                + "Java client 13.0.1 (dashed line: as fast)</text>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"#2b6cb0\"/>"
                + "<text x=\"%d\" y=\"40\">Conclave (listing: %s)</text>%n", left, left + 16, CHARTED_CLIENT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"#a0aec0\"/>"
                + "<text x=\"%d\" y=\"40\">floor: token scan (decode), raw Apache bytes (list)</text>%n",
                left + 230, left + 246));
        int step = Math.max(1, (int) Math.ceil(max / 10));
        for (int tick = 0; tick <= max; tick += step) {
            double x = left + plot * tick / max;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e2e8f0\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#4a5568\">%d</text>%n", x, top - 4, x,
                    height - 34, x, height - 20, tick));
        }
        // The official client's speed, whatever the ticks are.
        double asFast = left + plot / max;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c53030\" "
                + "stroke-dasharray=\"4 3\"/>%n", asFast, top - 4, asFast, height - 34));
        for (int row = 0; row < workloads.size(); row++) {
            String workload = workloads.get(row);
            int y = top + row * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    left - 8, y + barHeight + 4, escape(workload)));
            int slot = 0;
            for (Bar bar : bars) {
                if (!bar.workload().equals(workload)) {
                    continue;
                }
                double length = plot * bar.speedUp() / max;
                int barY = y + slot * barHeight;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%s×</text>%n", left, barY, length, barHeight - 3,
                        bar.series().equals("Conclave") ? "#2b6cb0" : "#a0aec0", left + length + 4,
                        barY + barHeight - 6, format(bar.speedUp())));
                slot++;
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
