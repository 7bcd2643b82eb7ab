package dev.conclave.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.runner.options.TimeValue;

class DecodePairsTest {
    private static DecodePairs.Round round(String pageSize, int number, double[] conclave, double[] scan,
            double[] official) {
        return new DecodePairs.Round(pageSize, number,
                Map.of("conclave", conclave, "tokenScan", scan, "official", official));
    }

    private static double[] times(double... microseconds) {
        return microseconds;
    }

    @Test
    void theRunsRatioIsTheMedianOfItsRoundsFromMeansAndFromFastestIterations() {
        List<DecodePairs.Round> rounds = List.of(
                round("50", 1, times(38, 42), times(32), times(320)),
                // A disturbed round: Conclave measured while the host was busy, but one iteration ran undisturbed.
                // By means it is the highest ratio and does not move the median; its fastest iteration is like
                // the other rounds'.
                round("50", 2, times(120, 36, 84), times(33), times(330)),
                round("50", 3, times(36), times(30), times(300)),
                round("1000", 1, times(700), times(600), times(7000)),
                round("1000", 2, times(720), times(600), times(7200)));
        assertThat(rounds.get(1).mean("conclave")).isEqualTo(80.0);
        assertThat(rounds.get(1).fastest("conclave")).isEqualTo(36.0);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecodePairs.summarise(rounds, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);

        assertThat(table)
                .containsPattern("decode page 50: official / conclave\\s+>= 6\\s+8\\.00\\s+4\\.13\\s+8\\.33\\s+\\(3 rounds\\)")
                .containsPattern("decode page 50: conclave / token scan\\s+<= 1.3\\s+1\\.25\\s+1\\.20\\s+2\\.42")
                .containsPattern("decode page 1000: conclave / token scan\\s+<= 1.3\\s+1\\.18\\s+1\\.17\\s+1\\.20"
                        + "\\s+\\(2 rounds\\)")
                .containsPattern("decode page 50: conclave / token scan \\(fastest\\)\\s+<= 1.3\\s+1\\.19\\s+1\\.09"
                        + "\\s+1\\.20");
    }

    @Test
    @Timeout(60)
    void aRoundRunsEverySubjectAndPrintsItsRatios() throws Exception {
        // In this JVM (no fork), one short iteration each: checks the wiring, measures nothing.
        DecodePairs.Settings once = new DecodePairs.Settings(1, 0, 0, 1, TimeValue.milliseconds(20), List.of("50"));
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        List<DecodePairs.Round> rounds = DecodePairs.run(once, new PrintStream(lines, true, StandardCharsets.UTF_8));

        assertThat(rounds).singleElement().satisfies(round -> {
            assertThat(round.pageSize()).isEqualTo("50");
            assertThat(round.iterations()).containsOnlyKeys(DecodePairs.SUBJECTS)
                    .allSatisfy((subject, times) -> assertThat(times).hasSize(1));
            assertThat(round.fastest("conclave")).isPositive();
            assertThat(round.fastest("tokenScan")).isPositive();
            assertThat(round.fastest("official")).isPositive();
            assertThat(round.conclaveOverScan()).isPositive();
        });
        assertThat(lines.toString(StandardCharsets.UTF_8)).startsWith("page 50, round 1 (conclave, tokenScan, official): means conclave ").contains("conclave / scan");
    }

    @Test
    void settingsRefuseNoRoundsOrNoIterations() {
        assertThatThrownBy(() -> new DecodePairs.Settings(0, 1, 3, 5, TimeValue.seconds(1), List.of("50")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds");
        assertThatThrownBy(() -> new DecodePairs.Settings(1, 1, 3, 0, TimeValue.seconds(1), List.of("50")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations");
    }
}
