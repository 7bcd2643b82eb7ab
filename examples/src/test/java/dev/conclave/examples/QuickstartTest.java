package dev.conclave.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.emulator.ParticipantEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class QuickstartTest {
    private static String run(Map<String, String> env) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.run(env, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "netty"})
    void runsEveryStepAgainstTheEmbeddedEmulatorOnEitherTransport(String transport) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.run(Map.of(), transport, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("embedded Conference API emulator", "Transport: " + transport,
                "conclave-demo is in-progress", "bob muted: true", "carol on hold: true",
                "300 participants in 6 pages", "Done.");
        String muted = output.substring(output.indexOf("6. Only the muted"), output.indexOf("7. Page"));
        assertThat(muted).contains("bob").doesNotContain("alice").contains("(1 participant)");
        String recording = output.substring(output.indexOf("8. Pause"), output.indexOf("9. Kick"));
        assertThat(recording.lines().map(String::strip).filter(l -> l.startsWith("recording RE"))
                .map(l -> l.substring(l.indexOf(": ") + 2))).containsExactly("in-progress", "paused", "in-progress");
        String afterKick = output.substring(output.indexOf("9. Kick alice"), output.indexOf("10. Unmute"));
        assertThat(afterKick).contains("bob", "carol").doesNotContain("alice  ").contains("(2 participants)");
        String afterAsync = output.substring(output.indexOf("10. Unmute"), output.indexOf("11. Play"));
        assertThat(afterAsync).contains("2 updates sent concurrently").doesNotContain("yes");
        String end = output.substring(output.indexOf("11. Play"));
        assertThat(end).contains("conclave-demo is completed (conference-ended-via-api)", "(0 participants)");
    }

    @Test
    void theDefaultTransportWithBothOnTheClassPathIsNetty() {
        assertThat(run(Map.of())).contains("Transport: netty");
    }

    @Test
    void anUnknownArgumentIsRefused() {
        assertThatThrownBy(() -> Quickstart.main(new String[] {"--verbose"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--transport");
    }

    @Test
    void talksToTheServerNamedByConclaveBaseUri() {
        try (ParticipantEmulator running = ParticipantEmulator.start()) {
            String output = run(Map.of("CONCLAVE_BASE_URI", running.baseUri().toString(),
                    "TWILIO_ACCOUNT_SID", running.accountSid(), "TWILIO_AUTH_TOKEN", running.authToken()));
            assertThat(output).contains("Using " + running.baseUri()).contains("Done.");
            assertThat(running.journal()).hasSizeGreaterThan(300);
            assertThat(running.conferenceSid("conclave-demo")).as("the demo ended it").isEmpty();
        }
    }

    @Test
    void halfConfiguredEnvironmentIsRefused() {
        assertThatThrownBy(() -> run(Map.of("CONCLAVE_BASE_URI", "http://127.0.0.1:9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TWILIO_ACCOUNT_SID");
    }

    @Test
    void oneTwilioVariableWithoutTheOtherIsRefusedNotTakenForTheEmulator() {
        assertThatThrownBy(() -> run(Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not");
        assertThatThrownBy(() -> run(Map.of("TWILIO_AUTH_TOKEN", "secret-token-value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TWILIO_AUTH_TOKEN is set but TWILIO_ACCOUNT_SID is not")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-token-value"));
        assertThatThrownBy(() -> run(Map.of("CONCLAVE_TO", "+15558675310")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONCLAVE_TO is set");
    }

    @Test
    void callingTwilioNeedsFromAndTo() {
        Map<String, String> credentials = Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32),
                "TWILIO_AUTH_TOKEN", "secret-token-value", "CONCLAVE_FROM", "+15005550006");
        assertThatThrownBy(() -> run(credentials))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONCLAVE_FROM")
                .hasMessageContaining("CONCLAVE_TO")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-token-value"));
    }
}
