package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ConclaveClient;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpTransport;
import dev.conclave.http.Method;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.tck.TestCertificates;
import dev.conclave.webhook.WebhookValidator;
import io.netty.pkitesting.X509Bundle;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A whole session over each transport with every logger at TRACE (slf4j-simple writing to a file, set up by
 * this module's "secrets-in-logs" Surefire execution): creates with a SIP password, reads, lists, updates,
 * deletes, API errors, an authentication failure and a transport error, with both auth tokens and API keys,
 * over plain HTTP and over TLS.
 * Afterwards no secret appears in the log, nor in any exception's text or any object's toString().
 */
@Timeout(60)
class SecretsInLogsTest extends Fixture {
    private static final String ACCOUNT = "AC00000000000000000000000000000007";
    private static final String KEY = "SK00000000000000000000000000000007";

    @Test
    void noSecretReachesTheLogsExceptionsOrToString() throws Exception {
        String logFile = System.getProperty("conclave.traceLog");
        assertThat(logFile).as("conclave.traceLog: this test runs in the secrets-in-logs execution, where every logger"
                + " is at TRACE into that file").isNotNull();
        String token = "tokenSECRET" + UUID.randomUUID();
        String keySecret = "keySECRET" + UUID.randomUUID();
        String sipPassword = "sip SECRET&" + UUID.randomUUID();
        String wrongSecret = "wrongSECRET" + UUID.randomUUID();
        List<String> secrets = List.of(token, keySecret, sipPassword, wrongSecret,
                URLEncoder.encode(sipPassword, StandardCharsets.UTF_8),
                basic(ACCOUNT, token), basic(KEY, keySecret), basic(KEY, wrongSecret));
        List<String> texts = new ArrayList<>();

        try (ParticipantEmulator secured = emulatorBuilder().account(ACCOUNT, token)
                .apiKey(ACCOUNT, KEY, keySecret).start();
             ConclaveClient byToken = client(secured, ConclaveClient.builder().credentials(ACCOUNT, token));
             ConclaveClient byKey = client(secured, ConclaveClient.builder().apiKey(ACCOUNT, KEY, keySecret));
             ConclaveClient wrong = client(secured, ConclaveClient.builder().apiKey(ACCOUNT, KEY, wrongSecret))) {
            for (ConclaveClient session : List.of(byToken, byKey)) {
                CreateParticipantRequest create = CreateParticipantRequest.builder("secret-room", "+15005550006",
                        "sip:agent@127.0.0.1").label("agent-" + texts.size()).sipAuthUsername("agent")
                        .sipAuthPassword(sipPassword).build();
                texts.add(create.toString());
                Participant p = session.participants().create(create);
                secured.faults().script(dev.conclave.emulator.Route.FETCH, 1, dev.conclave.emulator.Fault.status(503));
                session.participants().fetch(p.conferenceSid(), p.callSid());
                session.participants().list(ListParticipantsRequest.builder(p.conferenceSid()).pageSize(1).build()).toList();
                session.participants().async().list(p.conferenceSid()).toList().get(10, TimeUnit.SECONDS);
                session.participants().update(p.conferenceSid(), p.callSid(), UpdateParticipantRequest.builder().muted(true).build());
                session.participants().delete(p.conferenceSid(), p.callSid());
                texts.add(failureText(() -> session.participants().fetch(p.conferenceSid(), p.callSid())));
                texts.add(session.toString());
            }
            texts.add(failureText(() -> wrong.participants().create(CreateParticipantRequest.builder("secret-room", "+15005550006",
                    "sip:agent@127.0.0.1").sipAuthPassword(sipPassword).build())));
            texts.add(failureText(() -> wrong.participants().list(secured.createConference("secret-room")).toList()));
            texts.add(HttpRequest.of(Method.POST, URI.create("https://api.twilio.com/x"),
                    HttpHeaders.of("Authorization", basic(ACCOUNT, token)), "SipAuthPassword=x".getBytes()).toString());
            texts.add(WebhookValidator.of(token).toString());
        }
        // Over TLS too: the path real Twilio traffic takes (the Apache transport binds TLS sockets separately).
        X509Bundle certificate = TestCertificates.forLoopback();
        SSLContext serving = TestCertificates.serving(certificate);
        SSLContext trusting = TestCertificates.trusting(certificate);
        try (ParticipantEmulator secured = emulatorBuilder().account(ACCOUNT, token)
                .apiKey(ACCOUNT, KEY, keySecret).https(serving).start();
             HttpTransport tls = newTransport(trusting);
             ConclaveClient overTls = ConclaveClient.builder().apiKey(ACCOUNT, KEY, keySecret)
                     .baseUri(secured.baseUri()).transport(tls).build()) {
            Participant p = overTls.participants().create(CreateParticipantRequest.builder("secret-room", "+15005550006",
                    "sip:agent@127.0.0.1").sipAuthUsername("agent").sipAuthPassword(sipPassword).build());
            overTls.participants().update(p.conferenceSid(), p.callSid(), UpdateParticipantRequest.builder().hold(true).build());
            texts.add(failureText(() -> overTls.participants().fetch(p.conferenceSid(), "nobody")));
        }
        try (ConclaveClient refused = ConclaveClient.builder().apiKey(ACCOUNT, KEY, keySecret)
                .baseUri(refusedBaseUri()).transport(transport).build()) {
            texts.add(failureText(() -> refused.participants().create(CreateParticipantRequest.builder("secret-room",
                    "+15005550006", "sip:agent@127.0.0.1").sipAuthPassword(sipPassword).build())));
        }

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        assertThat(log).as("the capture works: Conclave's DEBUG lines are there")
                .contains("DEBUG dev.conclave.http - participants.create POST");
        assertThat(log).as("each retry is logged at DEBUG with its reason")
                .contains("DEBUG dev.conclave.retry - retrying participants.fetch (attempt 2 of 3) in ")
                .contains("after HTTP 503")
                .contains("DEBUG dev.conclave.retry - retrying participants.create (attempt 3 of 3) in ")
                .contains("after CONNECT_FAILED");
        assertThat(log).as("and so are the transport library's")
                .containsAnyOf("DEBUG org.apache.hc", "DEBUG io.netty", "TRACE io.netty");
        for (String secret : secrets) {
            assertThat(log).as("the TRACE log").doesNotContain(secret);
            assertThat(texts).as("exception texts and toString()").noneSatisfy(t -> assertThat(t).contains(secret));
        }
        assertThat(texts).hasSizeGreaterThan(8);
    }

    private static ConclaveClient client(ParticipantEmulator target, ConclaveClient.Builder builder) {
        return builder.baseUri(target.baseUri()).transport(transport).build();
    }

    private static String basic(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ':' + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String failureText(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                text.append(t).append('\n');
            }
            return text.toString();
        }
        throw new AssertionError("expected the call to fail");
    }

}
