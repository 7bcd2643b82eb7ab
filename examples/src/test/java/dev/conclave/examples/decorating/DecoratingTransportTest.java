package dev.conclave.examples.decorating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ConclaveClient;
import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportSettings;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.emulator.RecordedRequest;
import dev.conclave.tck.TransportConformanceSuite;
import dev.conclave.transport.apache.ApacheTransport;
import dev.conclave.transport.netty.NettyTransport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decorator adds its header and a log line per exchange around either shape, and stays conformant. */
@Timeout(60)
class DecoratingTransportTest {
    @ParameterizedTest
    @ValueSource(strings = {"apache", "netty"})
    void addsTheHeaderAndLogsEachExchangeWithoutSecrets(String kind) throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpTransport inner = kind.equals("apache") ? ApacheTransport.builder().build()
                : NettyTransport.builder().build();
        HttpTransport decorated = DecoratingTransport.around(inner, "X-Team", "dialler", lines::add);
        assertThat(decorated).isInstanceOf(kind.equals("apache") ? BlockingHttpTransport.class
                : AsyncHttpTransport.class);
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             decorated;
             ConclaveClient client = ConclaveClient.builder()
                     .credentials(emulator.accountSid(), emulator.authToken()).baseUri(emulator.baseUri())
                     .transport(decorated).build()) {
            Participant p = client.participants().create(CreateParticipantRequest.builder("decorated", "+15005550006",
                    "+15558675310").label("tagged").build());
            client.participants().fetch(p.conferenceSid(), "tagged");
            client.participants().list(p.conferenceSid()).toList();
            List<RecordedRequest> journal = emulator.journal();
            assertThat(journal).hasSize(3).allSatisfy(r -> assertThat(r.header("X-Team")).contains("dialler"));
            // An async exchange's line is written as its future completes, possibly just after the client saw it.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lines.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("POST /2010-04-01/Accounts/" + emulator.accountSid())
                    .contains("-> 201 in ").endsWith("via " + kind);
            assertThat(String.join("\n", lines)).doesNotContain(emulator.authToken(), "Basic", "PageSize",
                    "+15558675310");
        }
    }

    /** Decorated Apache (blocking) against the conformance kit. */
    @Nested
    class AroundApache extends TransportConformanceSuite {
        @Override
        protected HttpTransport createTransport(TransportSettings settings, SSLContext tls) {
            return DecoratingTransport.around(ApacheTransport.builder().settings(settings).sslContext(tls).build(),
                    "X-Team", "dialler", line -> { });
        }
    }

    /** Decorated Netty (async) against the conformance kit. */
    @Nested
    class AroundNetty extends TransportConformanceSuite {
        @Override
        protected HttpTransport createTransport(TransportSettings settings, SSLContext tls) {
            return DecoratingTransport.around(NettyTransport.builder().settings(settings).sslContext(tls).build(),
                    "X-Team", "dialler", line -> { });
        }
    }
}
