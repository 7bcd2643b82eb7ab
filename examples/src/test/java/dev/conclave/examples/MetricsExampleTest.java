package dev.conclave.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.emulator.ParticipantEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class MetricsExampleTest {
    @ParameterizedTest
    @ValueSource(strings = {"apache", "netty"})
    void theWorkloadShowsCallsAttemptsRetriesAndPoolGauges(String transport) {
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            MetricsExample.Run run = MetricsExample.run(emulator, transport,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            String table = printed.toString(StandardCharsets.UTF_8);

            // 12 creates, then per created participant a fetch, an update, an async fetch and a delete, and a
            // listing of at least one page: the call timers counted every call, failed ones too.
            assertThat(run.calls()).isGreaterThanOrEqualTo(12 + 1);
            assertThat(run.faultsInjected()).isGreaterThanOrEqualTo(2);
            List<String> names = run.rows().stream().map(MetricsExample.Row::name).distinct().toList();
            assertThat(names).contains("conclave.calls", "http.client.requests",
                    "conclave.retries", "conclave.http.client.pool.leased",
                    "conclave.http.client.pool.idle", "conclave.http.client.pool.pending",
                    "conclave.http.client.pool.max");
            assertThat(run.rows()).filteredOn(row -> row.name().equals("conclave.retries"))
                    .anySatisfy(row -> assertThat(row.tags()).contains("operation=fetch", "reason=http_503"));
            assertThat(run.rows()).filteredOn(row -> row.name().equals("conclave.http.client.pool.max"))
                    .singleElement().satisfies(row -> {
                        assertThat(row.tags()).contains("client.name=" + transport, "conclave.client=example-"
                                + transport);
                        assertThat(row.figures()).isEqualTo("value 50");
                    });
            assertThat(table).contains("[" + transport + "] " + run.calls() + " calls", "METER", "TAGS",
                    "uri=/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json");
            assertThat(emulator.faults().scriptedRemaining()).as("faults cleared after the run").isZero();
        }
    }
}
