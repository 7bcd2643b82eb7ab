package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ConclaveClient;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server that closes (or resets) each keep-alive connection right after answering on it, as a load balancer may:
 * the next create, sent at once or after a short idle time, blocking or async, reaches the server exactly once on
 * a fresh connection; it is neither lost nor sent twice.
 */
@Timeout(60)
class ClosedConnectionsTest extends Fixture {
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String CONFERENCE = "CF0123456789abcdef0123456789abcdef";

    /** Answers one request per connection with a 201, keep-alive, then closes it: a FIN, or an RST. */
    private static final class ClosingServer implements AutoCloseable {
        final ServerSocket socket;
        final boolean reset;
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final Thread acceptor;

        ClosingServer(boolean reset) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.reset = reset;
            this.acceptor = new Thread(this::serve, "closing-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connections.incrementAndGet();
                    connection.setSoTimeout(10_000);
                    if (readRequest(connection.getInputStream())) {
                        creates.incrementAndGet();
                        String callSid = String.format("CA%032x", creates.get());
                        byte[] body = ("{\"account_sid\": \"" + ACCOUNT + "\", \"call_sid\": \"" + callSid
                                + "\", \"conference_sid\": \"" + CONFERENCE + "\", \"status\": \"queued\"}")
                                .getBytes(StandardCharsets.UTF_8);
                        OutputStream out = connection.getOutputStream();
                        out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                    }
                    if (reset) {
                        connection.setSoLinger(true, 0);
                    }
                } catch (SocketException closed) {
                    // The listening socket was closed, or a client went away: next.
                } catch (IOException unexpected) {
                    // A client that sent half a request; the test's counts tell.
                }
            }
        }

        /** Reads one request head and its Content-Length body; false when the client sent nothing. */
        private static boolean readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] bytes = head.toByteArray();
                int n = bytes.length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
                        && bytes[n - 1] == '\n') {
                    break;
                }
            }
            if (head.size() == 0) {
                return false;
            }
            int length = 0;
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.readNBytes(length);
            return true;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(5_000);
        }
    }

    private static CreateParticipantRequest create(int n) {
        return CreateParticipantRequest.builder(CONFERENCE, "+15005550006", "+1555867531" + n).build();
    }

    @ParameterizedTest(name = "reset={0}, idle {1} ms, async={2}")
    @CsvSource({"false, 0, false", "false, 60, false", "true, 0, false", "true, 60, false",
        "false, 0, true", "false, 60, true", "true, 0, true", "true, 60, true"})
    void aCreateAfterTheServerClosedThePooledConnectionIsNeitherLostNorSentTwice(boolean reset, long idleMillis,
                                                                                   boolean async) throws Exception {
        try (ClosingServer server = new ClosingServer(reset);
             ConclaveClient toIt = ConclaveClient.builder().credentials(ACCOUNT, "token")
                     .baseUri(server.baseUri()).transport(transport)
                     .connectTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(10)).build()) {
            for (int n = 0; n < 4; n++) {
                Participant created = async
                        ? toIt.participants().async().create(create(n)).get(20, TimeUnit.SECONDS)
                        : toIt.participants().create(create(n));
                assertThat(created.callSid()).isEqualTo(String.format("CA%032x", n + 1));
                Thread.sleep(idleMillis);
            }
            assertThat(server.creates.get()).as("every create reached the server once").isEqualTo(4);
        }
    }
}
