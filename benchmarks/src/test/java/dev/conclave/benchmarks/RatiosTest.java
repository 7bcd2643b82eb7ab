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
                 "primaryMetric": {"score": %s, "scoreError": 1.5, "scoreUnit": "us/op", "rawData": [[%s]]},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s}}}
                """.formatted(benchmark, params, score, iterations, alloc);
    }

    static String run() {
        return "[" + String.join(",",
                result("DecodeBenchmark.conclave", "\"pageSize\": \"50\"", 40, "30, 40, 50, 40, 40", 500),
                result("DecodeBenchmark.official", "\"pageSize\": \"50\"", 400, "400, 400, 300, 500, 400", 7000),
                result("DecodeBenchmark.tokenScan", "\"pageSize\": \"50\"", 32, "32, 32, 32, 32, 32", 700),
                result("CreateBenchmark.conclave", "", 4, "4, 4, 4", 3000),
                result("CreateBenchmark.official", "", 16, "16, 16, 16", 40000),
                // One slow iteration: the mean doubles, the median does not move.
                result("PaginationBenchmark.listAll", "\"client\": \"netty-sync\", \"pageSize\": \"50\", "
                        + "\"readAhead\": \"default\"", 80, "40, 40, 40, 40, 240", 1),
                result("PaginationBenchmark.listAll", "\"client\": \"official\", \"pageSize\": \"50\", "
                        + "\"readAhead\": \"default\"", 200, "200, 200, 200, 200, 200", 1),
                result("PaginationBenchmark.listAll", "\"client\": \"netty-sync\", \"pageSize\": \"1000\", "
                        + "\"readAhead\": \"default\"", 10, "10, 10, 10", 1),
                result("PaginationBenchmark.listAll", "\"client\": \"official\", \"pageSize\": \"1000\", "
                        + "\"readAhead\": \"default\"", 100, "100, 100, 100", 1),
                result("PaginationBenchmark.listAll", "\"client\": \"raw-apache\", \"pageSize\": \"1000\", "
                        + "\"readAhead\": \"default\"", 5, "5, 5, 5", 1)) + "]";
    }

    @Test
    void ratiosComeFromMeansAndFromMediansOfTheIterations(@TempDir Path dir) throws Exception {
        File results = dir.resolve("results.json").toFile();
        Files.writeString(results.toPath(), run());

        Map<String, Ratios.Figures> run = Ratios.read(results);
        assertThat(run).containsKeys("Decode.conclave 50", "Pagination.listAll netty-sync 50", "Create.conclave");
        assertThat(run.get("Pagination.listAll netty-sync 50").median()).isEqualTo(40.0);
        assertThat(run.get("Decode.conclave 50").allocatedPerOp()).isEqualTo(500.0);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Ratios.print(run, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .containsPattern("decode page 50, every field: official / conclave\\s+>= 7.0\\s+10\\.000\\s+10\\.000\\s+met")
                .containsPattern("decode page 50, every field: conclave / token scan\\s+<= 1.4\\s+1\\.250\\s+1\\.250\\s+met")
                .containsPattern("every field: allocation conclave / official\\s+<= 0.05\\s+0\\.071\\s+0\\.071\\s+MISSED")
                .containsPattern("create with its 201: official / conclave\\s+>= 5.0\\s+4\\.000\\s+4\\.000\\s+MISSED")
                // Judged by the means: 200 / 80 misses, though the medians give 5.
                .containsPattern("listing 10,000, page 50: official / netty-sync\\s+>= 4.0\\s+2\\.500\\s+5\\.000\\s+MISSED")
                .containsPattern("listing 10,000, page 1000: raw bytes / netty-sync\\s+>= 0.6\\s+0\\.500\\s+0\\.500\\s+MISSED")
                .doesNotContain("apache-sync");
    }
}
