package dev.conclave.it;

import dev.conclave.ParticipantsClient;
import dev.conclave.testkit.ParticipantEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One emulator and one client per test class, over loopback, with the transport found on the class path.
 * Test classes extend it and use {@link #emulator} and {@link #client}.
 */
abstract class Fixture {
    static ParticipantEmulator emulator;
    static ParticipantsClient client;

    @BeforeAll
    static void startEmulatorAndClient() {
        emulator = ParticipantEmulator.start();
        client = clientFor(emulator).build();
    }

    @AfterAll
    static void stopEmulatorAndClient() {
        client.close();
        emulator.close();
    }

    static ParticipantsClient.Builder clientFor(ParticipantEmulator target) {
        return ParticipantsClient.builder()
                .credentials(target.accountSid(), target.authToken())
                .baseUri(target.baseUri())
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(20));
    }
}
