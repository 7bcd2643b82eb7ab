package dev.conclave.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ConclaveClient;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Registered through ServiceLoader, the JDK transport is chosen by name and runs every operation. */
@Timeout(30)
class JdkTransportDiscoveryTest {
    @Test
    void chosenByNameItRunsTheWholeApiAgainstTheEmulator() throws Exception {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ConclaveClient client = ConclaveClient.builder()
                     .credentials(emulator.accountSid(), emulator.authToken()).baseUri(emulator.baseUri())
                     .transport("jdk").build()) {
            assertThat(client.transportName()).isEqualTo("jdk");
            Participant p = client.participants().create(CreateParticipantRequest.builder("jdk-room", "+15005550006",
                    "+15558675310").label("over-jdk").build());
            assertThat(client.participants().fetch(p.conferenceSid(), "over-jdk").callSid()).isEqualTo(p.callSid());
            assertThat(client.participants().update(p.conferenceSid(), "over-jdk", UpdateParticipantRequest.builder().muted(true)
                    .build()).muted()).isTrue();
            assertThat(client.participants().async().list(p.conferenceSid()).toList().get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .hasSize(1);
            client.participants().delete(p.conferenceSid(), "over-jdk");
            assertThat(emulator.participantCount(p.conferenceSid())).isZero();
        }
    }
}
