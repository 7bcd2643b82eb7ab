package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.conclave.ApiException;
import dev.conclave.ConclaveClient;
import dev.conclave.model.CreateParticipantRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Credentials never follow a redirect, and CR/LF never reach a header, over each transport. */
@Timeout(30)
class SecurityTest extends Fixture {
    private static final String CONFERENCE = "CF0123456789abcdef0123456789abcdef";

    @Test
    void aRedirectIsReportedNotFollowedSoCredentialsStayHome() throws IOException {
        AtomicInteger elsewhereHits = new AtomicInteger();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            elsewhereHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                    + exchange.getRequestURI().getRawPath());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        elsewhere.start();
        redirecting.start();
        try (ConclaveClient redirected = ConclaveClient.builder()
                .credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort()))
                .transport(transport).build()) {
            assertThatThrownBy(() -> redirected.participants().fetch(CONFERENCE, "agent"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(307));
            assertThat(elsewhereHits).hasValue(0);
        } finally {
            redirecting.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void crOrLfInALabelASuffixOrAHeaderIsRefusedWithAClearError() {
        assertThatThrownBy(() -> CreateParticipantRequest.builder("room", "+15005550006", "+15558675310")
                .label("agent\r\nX-Injected: 1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> client.participants().fetch(CONFERENCE, "agent\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callSidOrLabel")
                .hasMessageContaining("CR, LF and NUL");
        assertThatThrownBy(() -> clientFor(emulator).userAgentSuffix("app/1\nX-Injected: 1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgentSuffix");
        try (ConclaveClient injecting = clientFor(emulator)
                .addInterceptor(chain -> chain.proceed(chain.request().withHeader("X-Tenant", "a\r\nX-Injected: 1")))
                .build()) {
            assertThatThrownBy(() -> injecting.participants().list(CONFERENCE).toList())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Tenant")
                    .hasMessageContaining("CR, LF");
        }
        assertThat(emulator.journal()).noneSatisfy(r -> assertThat(r.headers()).anySatisfy(
                h -> assertThat(h.getKey()).isEqualToIgnoringCase("X-Injected")));
    }

    @Test
    void plainHttpIsRefusedExceptToLoopbackAndUserInfoIsNeverEchoed() {
        assertThatThrownBy(() -> ConclaveClient.builder().baseUri(URI.create("http://api.twilio.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> ConclaveClient.builder()
                .baseUri(URI.create("https://user:hunter2@api.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user info")
                .hasMessageNotContaining("hunter2");
    }
}
