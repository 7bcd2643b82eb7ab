package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.AuthenticationException;
import dev.conclave.ParticipantOperations;
import dev.conclave.ConclaveClient;
import dev.conclave.http.TransportException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantStatus;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.emulator.RecordedRequest;
import dev.conclave.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ClientBehaviourTest extends Fixture {
    private static final String KEY_SID = "SK0123456789abcdef0123456789abcdef";
    private static final String OTHER_ACCOUNT = "AC00000000000000000000000000000002";

    @Test
    void sendsUserAgentAcceptAndBasicAuth() {
        try (ParticipantEmulator emulator = emulatorBuilder().start();
             ConclaveClient client = Fixture.clientFor(emulator).userAgentSuffix("demo-app/2.0").build()) {
            client.participants().create(CreateParticipantRequest.builder("headers", "+15005550006", "+15558675310").build());
            RecordedRequest request = emulator.journal().get(0);
            assertThat(request.header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua)
                    .matches("conclave-java/[0-9][^ ]* \\([^)]+ [^)]+\\) java/[0-9][^ ]* demo-app/2\\.0"));
            assertThat(request.header("Accept")).contains("application/json");
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (emulator.accountSid() + ":" + emulator.authToken()).getBytes(StandardCharsets.UTF_8));
            assertThat(request.header("Authorization")).contains(expected);
            assertThat(request.headers()).extracting(e -> e.getKey().toLowerCase())
                    .doesNotContain("accept-encoding", "cookie");
        }
    }

    @Test
    void apiKeyAuthenticatesAndSubAccountsAreReachable() {
        String secret = "key-secret-" + System.nanoTime();
        try (ParticipantEmulator emulator = emulatorBuilder()
                .account("AC00000000000000000000000000000001", "token-1")
                .apiKey("AC00000000000000000000000000000001", KEY_SID, secret)
                .account(OTHER_ACCOUNT, "token-2")
                .start();
             ConclaveClient client = ConclaveClient.builder()
                     .apiKey("AC00000000000000000000000000000001", KEY_SID, secret)
                     .baseUri(emulator.baseUri()).transport(transport).build()) {
            Participant created = client.participants().create(CreateParticipantRequest.builder("keyed", "+15005550006", "+15558675310")
                    .build());
            assertThat(created.accountSid()).isEqualTo("AC00000000000000000000000000000001");
            assertThat(client.toString()).doesNotContain(secret).contains("AC00000000000000000000000000000001");

            ParticipantOperations other = client.participants().forAccount(OTHER_ACCOUNT);
            assertThatThrownBy(() -> other.create(CreateParticipantRequest.builder("keyed", "+1", "+2").build()))
                    .isInstanceOf(AuthenticationException.class).hasMessageNotContaining(secret);
            assertThat(emulator.journal().get(1).rawPath()).startsWith("/2010-04-01/Accounts/" + OTHER_ACCOUNT + "/");
        }
    }

    @Test
    void statusProgressesAndFetchSeesIt() {
        try (ParticipantEmulator emulator = emulatorBuilder().start();
             ConclaveClient client = Fixture.clientFor(emulator).build()) {
            Participant created = client.participants().create(CreateParticipantRequest.builder("progress", "+15005550006",
                    "+15558675310").build());
            assertThat(created.status()).isEqualTo(ParticipantStatus.QUEUED);
            assertThat(created.queueDuration()).isPresent();
            List<ParticipantStatus> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(client.participants().fetch(created.conferenceSid(), created.callSid()).status());
            }
            assertThat(seen).containsExactly(ParticipantStatus.CONNECTING, ParticipantStatus.RINGING,
                    ParticipantStatus.CONNECTED, ParticipantStatus.CONNECTED);
        }
    }

    @Test
    void interceptorsSeeTheFinalRequestInOrder() {
        List<String> seen = new ArrayList<>();
        try (ParticipantEmulator emulator = emulatorBuilder().start();
             ConclaveClient client = Fixture.clientFor(emulator)
                     .addInterceptor(chain -> {
                         seen.add("first:" + chain.operation() + ":" + chain.request().headers().contains("Authorization"));
                         return chain.proceed(chain.request().withHeader("X-Trace", "abc"));
                     })
                     .addInterceptor(chain -> {
                         seen.add("second:" + chain.request().headers().first("X-Trace").orElse("-"));
                         return chain.proceed(chain.request());
                     }).build()) {
            client.participants().list(emulator.createConference("intercepted")).toList();
            assertThat(seen).containsExactly("first:participants.list:true", "second:abc");
            assertThat(emulator.journal().get(0).header("X-Trace")).contains("abc");
        }
    }

    @Test
    void closedClientRefusesCallsAndClosesItsTransport() {
        try (ParticipantEmulator emulator = emulatorBuilder().start()) {
            ConclaveClient client = Fixture.clientFor(emulator).build();
            String conference = emulator.createConference("closing");
            assertThat(client.participants().list(conference).toList()).isEmpty();
            assertThat(client.transportName()).isEqualTo(transport);
            client.close();
            client.close();
            assertThatThrownBy(() -> client.participants().list(conference).toList())
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).reason())
                            .isEqualTo(TransportException.Reason.CANCELLED));
        }
    }

    @Test
    void closingTheClientClosesTheTransportItCreatedButNotOneItWasGiven() throws Exception {
        try (ParticipantEmulator emulator = emulatorBuilder().start()) {
            String conference = emulator.createConference("ownership");
            ConclaveClient owning = Fixture.clientFor(emulator).build();
            owning.participants().list(conference).toList();
            assertThat(emulator.openConnections()).isEqualTo(1);
            owning.close();
            awaitOpenConnections(emulator, 0);

            try (HttpTransport mine = newTransport()) {
                ConclaveClient borrowing = Fixture.clientFor(emulator).transport(mine).build();
                borrowing.participants().list(conference).toList();
                borrowing.close();
                // Netty's pool takes the connection back on its event loop, a moment after the call returned.
                eventually("the pooled connection survives", () -> idleConnections(mine) == 1);
                try (ConclaveClient again = Fixture.clientFor(emulator).transport(mine).build()) {
                    assertThat(again.participants().list(conference).toList()).isEmpty();
                }
            }
            awaitOpenConnections(emulator, 0);
        }
    }

    private static void awaitOpenConnections(ParticipantEmulator emulator, int expected) throws InterruptedException {
        eventually(expected + " connections open at the emulator", () -> emulator.openConnections() == expected);
    }

    @Test
    void connectionRefusedIsATransportErrorThatSurelyWasNotSent() throws Exception {
        try (ConclaveClient client = ConclaveClient.builder()
                .credentials("AC00000000000000000000000000000001", "token")
                .baseUri(refusedBaseUri()).transport(transport).build()) {
            assertThatThrownBy(() -> client.participants().create(CreateParticipantRequest.builder("x", "+1", "+2").build()))
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).requestSurelyNotSent()).isTrue());
        }
    }
}
