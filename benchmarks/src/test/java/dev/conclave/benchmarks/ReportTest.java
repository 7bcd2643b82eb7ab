package dev.conclave.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ReportTest {
    @Test
    void tableGivesErrorsAndBytesPerParticipant(@TempDir Path dir) throws Exception {
        File results = dir.resolve("results.json").toFile();
        Files.writeString(results.toPath(), RatiosTest.run());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Report.table(Ratios.read(results), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        // Decode of 50 allocating 500 B: 10 B per participant; the token scan makes none, so it has no such figure.
        assertThat(table).contains("| Decode.conclave | pageSize=50 | 40.0 ± 1.50 µs/op |  |  | 500 | 10.0 |")
                .contains("| Decode.tokenScan | pageSize=50 | 32.0 ± 1.50 µs/op |  |  | 700 |  |")
                .contains("| Create.official |  | 16.0 ± 1.50 µs/op |  |  | 40,000 | 40,000 |");
    }

    @Test
    void chartHasABarPerWorkloadAndSeriesScaledToTheOfficialClient(@TempDir Path dir) throws Exception {
        File results = dir.resolve("results.json").toFile();
        Files.writeString(results.toPath(), RatiosTest.run());
        Map<String, Ratios.Figures> run = Ratios.read(results);
        assertThat(Report.bars(run)).containsExactly(
                new Report.Bar("Decode a page of 50", "Conclave", 10.0),
                new Report.Bar("Decode a page of 50", "floor", 12.5),
                new Report.Bar("Create, with its 201", "Conclave", 4.0),
                new Report.Bar("List 10,000, pages of 50", "Conclave", 2.5),
                new Report.Bar("List 10,000, pages of 1000", "Conclave", 10.0),
                new Report.Bar("List 10,000, pages of 1000", "floor", 20.0));

        String svg = Report.svg(run);
        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList rects = parsed.getElementsByTagName("rect");
        // The background, two legend keys and six bars; the longest bar (20x) spans the whole plot.
        assertThat(rects.getLength()).isEqualTo(9);
        double longest = 0;
        for (int i = 3; i < rects.getLength(); i++) {
            longest = Math.max(longest, Double.parseDouble(rects.item(i).getAttributes().getNamedItem("width")
                    .getNodeValue()));
        }
        assertThat(longest).isEqualTo(500.0);
        assertThat(svg).contains(">12.5×<").contains(">2.50×<");
        // The official client's line at 1x, though the ticks step by 2 on a scale to 20: 190 + 500 / 20.
        assertThat(svg).contains("<line x1=\"215.0\" y1=\"52\" x2=\"215.0\"").contains("stroke-dasharray=\"4 3\"");
    }

    @Test
    void aRunWithoutTheChartedBenchmarksIsRefused(@TempDir Path dir) throws Exception {
        File results = dir.resolve("results.json").toFile();
        Files.writeString(results.toPath(), "[]");
        assertThatThrownBy(() -> Report.svg(Ratios.read(results))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the charted benchmarks");
    }
}
