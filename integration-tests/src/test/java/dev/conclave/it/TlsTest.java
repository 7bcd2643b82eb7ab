package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.ConclaveClient;
import dev.conclave.http.TransportException;
import dev.conclave.http.HttpTransport;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.tck.TestCertificates;
import io.netty.pkitesting.X509Bundle;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator over HTTPS with certificates made at test time, over each transport. */
@Timeout(30)
class TlsTest extends Fixture {
    private static X509Bundle forLoopback;
    private static X509Bundle forOtherHost;

    @BeforeAll
    static void makeCertificates() throws Exception {
        forLoopback = TestCertificates.forLoopback();
        forOtherHost = TestCertificates.forHost("conclave.test");
    }

    private static ConclaveClient.Builder httpsClient(ParticipantEmulator target, HttpTransport over) {
        return ConclaveClient.builder().credentials(target.accountSid(), target.authToken())
                .baseUri(target.baseUri()).transport(over);
    }

    @Test
    void aTrustedCertificateWorks() throws Exception {
        try (ParticipantEmulator secure = emulatorBuilder().https(TestCertificates.serving(forLoopback)).start();
             HttpTransport trustingTransport = newTransport(TestCertificates.trusting(forLoopback));
             ConclaveClient https = httpsClient(secure, trustingTransport).build()) {
            assertThat(secure.baseUri().getScheme()).isEqualTo("https");
            assertThat(https.participants().list(secure.createConference("tls")).toList()).isEmpty();
            assertThat(secure.journal()).hasSize(1);
        }
    }

    @Test
    void anUntrustedCertificateFailsWithAnErrorThatSaysSo() throws Exception {
        try (ParticipantEmulator secure = emulatorBuilder().https(TestCertificates.serving(forLoopback)).start();
             HttpTransport defaultTrust = newTransport(SSLContext.getDefault());
             ConclaveClient https = httpsClient(secure, defaultTrust).build()) {
            String conference = secure.createConference("tls");
            assertThatThrownBy(() -> https.participants().list(conference).toList())
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TransportException.Reason.TLS);
                        assertThat(e.requestSurelyNotSent()).isTrue();
                    })
                    .hasMessageContaining("certificate is not trusted");
            assertThat(secure.journal()).as("no request got through").isEmpty();
        }
    }

    @Test
    void aCertificateForAnotherHostFailsHostNameVerification() throws Exception {
        try (ParticipantEmulator secure = emulatorBuilder().https(TestCertificates.serving(forOtherHost)).start();
             HttpTransport trustingTransport = newTransport(TestCertificates.trusting(forOtherHost));
             ConclaveClient https = httpsClient(secure, trustingTransport).build()) {
            String conference = secure.createConference("tls");
            assertThatThrownBy(() -> https.participants().list(conference).toList())
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.TLS))
                    .hasMessageContaining("does not match the host name 127.0.0.1");
            assertThat(secure.journal()).isEmpty();
        }
    }
}
