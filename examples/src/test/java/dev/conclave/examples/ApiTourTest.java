package dev.conclave.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.testkit.ParticipantEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ApiTourTest {
    @Test
    void theReadmeTourRuns() {
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            long onHold = ApiTour.tour(emulator.accountSid(), emulator.authToken(), emulator.baseUri(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(onHold).isEqualTo(1);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("fetched agent-7 on hold: true",
                    "first ten: 1", "async: agent-7, muted 1");
            // The kick removed the last participant who had joined, so the conference ended: its name is free.
            assertThat(emulator.conferenceSid("support-42")).isEmpty();
            assertThat(emulator.journal()).last().satisfies(r -> {
                assertThat(r.method()).isEqualTo("DELETE");
                assertThat(r.responseStatus()).isEqualTo(204);
            });
        }
    }
}
