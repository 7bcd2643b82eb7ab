package dev.conclave.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.emulator.ParticipantEmulator;
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
                    "first ten: 1", "async: agent-7, muted 1", "support-42 in-progress in us1",
                    "ended: conference-ended-via-api").containsPattern("recording RE[0-9a-f]{32} in-progress");
            assertThat(emulator.conferenceSid("support-42")).as("ended, so its name is free").isEmpty();
            assertThat(emulator.journal()).last().satisfies(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.rawPath()).matches(".*/Conferences/CF[0-9a-f]{32}\\.json");
                assertThat(r.bodyText()).isEqualTo("Status=completed");
                assertThat(r.responseStatus()).isEqualTo(200);
            });
            assertThat(emulator.journal()).anySatisfy(r -> assertThat(r.bodyText())
                    .isEqualTo("Status=paused&PauseBehavior=skip"));
        }
    }
}
