package dev.conclave.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.testkit.ParticipantEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class QuickstartTest {
    private static String run(Map<String, String> env) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.run(env, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsEveryStepAgainstTheEmbeddedEmulator() {
        String output = run(Map.of());
        assertThat(output).contains("embedded Participant API emulator", "bob muted: true", "carol on hold: true",
                "300 participants in 6 pages", "Done.");
        String muted = output.substring(output.indexOf("5. Only the muted"), output.indexOf("6. Page"));
        assertThat(muted).contains("bob").doesNotContain("alice").contains("(1 participant)");
        String afterKick = output.substring(output.indexOf("7. Kick alice"));
        assertThat(afterKick).contains("bob", "carol").doesNotContain("alice  ").contains("(2 participants)");
    }

    @Test
    void talksToTheServerNamedByConclaveBaseUri() {
        try (ParticipantEmulator running = ParticipantEmulator.start()) {
            String output = run(Map.of("CONCLAVE_BASE_URI", running.baseUri().toString(),
                    "TWILIO_ACCOUNT_SID", running.accountSid(), "TWILIO_AUTH_TOKEN", running.authToken()));
            assertThat(output).contains("Using " + running.baseUri()).contains("Done.");
            assertThat(running.journal()).hasSizeGreaterThan(300);
            assertThat(running.conferenceSid("conclave-demo")).isPresent();
        }
    }

    @Test
    void halfConfiguredEnvironmentIsRefused() {
        assertThatThrownBy(() -> run(Map.of("CONCLAVE_BASE_URI", "http://127.0.0.1:9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TWILIO_ACCOUNT_SID");
    }
}
