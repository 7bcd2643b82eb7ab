package dev.conclave.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatiosTest {
    private static String result(String benchmark, String params, double score, String iterations, double alloc) {
        return """
                {"benchmark": "dev.conclave.benchmarks.%s", "params": {%s},
                 "primaryMetric": {"score": %s, "rawData": [[%s]]},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s}}}
                """.formatted(benchmark, params, score, iterations, alloc);
    }

    @Test
    void ratiosComeFromMeansAndFromMediansOfTheIterations(@TempDir Path dir) throws Exception {
        String json = "[" + String.join(",",
                result("DecodeBenchmark.conclave", "\"pageSize\": \"50\"", 40, "30, 40, 50, 40, 40", 500),
                result("DecodeBenchmark.official", "\"pageSize\": \"50\"", 400, "400, 400, 300, 500, 400", 7000),
                result("DecodeBenchmark.tokenScan", "\"pageSize\": \"50\"", 32, "32, 32, 32, 32, 32", 700),
                // One slow iteration: the mean doubles, the median does not move.
                result("PaginationBenchmark.listAll", "\"client\": \"netty-sync\", \"pageSize\": \"50\"", 80,
                        "40, 40, 40, 40, 240", 1),
                result("PaginationBenchmark.listAll", "\"client\": \"official\", \"pageSize\": \"50\"", 120,
                        "120, 120, 120, 120, 120", 1)) + "]";
        File results = dir.resolve("results.json").toFile();
        Files.writeString(results.toPath(), json);

        Map<String, Ratios.Figures> run = Ratios.read(results);
        assertThat(run).containsKeys("Decode.conclave 50", "Pagination.listAll netty-sync 50");
        assertThat(run.get("Pagination.listAll netty-sync 50").median()).isEqualTo(40.0);
        assertThat(run.get("Decode.conclave 50").allocatedPerOp()).isEqualTo(500.0);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Ratios.print(run, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .containsPattern("decode page 50, every field: official / conclave\\s+>= 5\\s+10\\.00\\s+10\\.00")
                .containsPattern("decode page 50, every field: conclave / token scan\\s+-\\s+1\\.25\\s+1\\.25")
                .containsPattern("every field: allocation conclave / official\\s+<= 0.067\\s+0\\.071")
                .containsPattern("listing page 50: official / netty-sync\\s+>= 2.5\\s+1\\.50\\s+3\\.00")
                .doesNotContain("apache-sync");
    }
}
