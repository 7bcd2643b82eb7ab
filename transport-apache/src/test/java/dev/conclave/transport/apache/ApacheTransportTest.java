package dev.conclave.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.Method;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Apache transport against real servers on loopback. */
@Timeout(30)
class ApacheTransportTest {
    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
    private final AtomicReference<com.sun.net.httpserver.Headers> lastHeaders = new AtomicReference<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private ApacheTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            lastHeaders.set(exchange.getRequestHeaders());
            lastBody.set(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            int status = path.startsWith("/status/") ? Integer.parseInt(path.substring(8, 11)) : 200;
            if (path.startsWith("/slowish")) {
                sleep(50);
            }
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.getResponseHeaders().add("Twilio-Request-Id", "RQ1");
            byte[] body = path.startsWith("/big") ? new byte[5000]
                    : path.startsWith("/gzip") ? new byte[] {0x1f, (byte) 0x8b, 8, 0}
                    : ("status " + status).getBytes(StandardCharsets.UTF_8);
            if (path.startsWith("/gzip")) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            if (status == 204 || path.startsWith("/empty")) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        transport = ApacheTransport.builder().connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5)).maxConnections(4).maxResponseBytes(4096).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void sendsMethodPathQueryHeadersAndBodyExactly() {
        byte[] body = "From=%2B1555&Label=a+b%26c&X=%C3%A9".getBytes(StandardCharsets.US_ASCII);
        HttpResponse response = transport.execute(HttpRequest.of(Method.POST,
                uri("/a%20b%2F%3F%23%25%2B%C3%A9.json?Muted=true&PageToken=PA%2B1"),
                HttpHeaders.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                        "User-Agent", "conclave-test/1", "X-Custom", "v1", "X-Custom", "v2"), body));
        assertThat(response.status()).isEqualTo(200);
        assertThat(seen).containsExactly("POST /a%20b%2F%3F%23%25%2B%C3%A9.json?Muted=true&PageToken=PA%2B1");
        assertThat(lastBody.get()).isEqualTo(body);
        com.sun.net.httpserver.Headers headers = lastHeaders.get();
        assertThat(headers.get("User-Agent")).containsExactly("conclave-test/1");
        assertThat(headers.get("X-custom")).containsExactly("v1", "v2");
        assertThat(headers.get("Content-Type")).singleElement().asString()
                .startsWith("application/x-www-form-urlencoded");
        assertThat(headers.get("Content-Length")).containsExactly(String.valueOf(body.length));
        assertThat(headers.containsKey("Accept-Encoding")).isFalse();
        assertThat(headers.containsKey("Cookie")).isFalse();
        assertThat(response.headers().first("twilio-request-id")).contains("RQ1");

        transport.execute(HttpRequest.of(Method.GET, uri("/get"), HttpHeaders.empty(), null));
        transport.execute(HttpRequest.of(Method.DELETE, uri("/delete"), HttpHeaders.empty(), null));
        assertThat(seen).endsWith("GET /get", "DELETE /delete");
        assertThat(lastHeaders.get().containsKey("User-Agent")).as("no default Apache user agent").isFalse();
    }

    @Test
    void returnsEveryStatusAsItIsWithoutFollowingOrDecompressing() {
        for (int status : new int[] {201, 204, 302, 404, 500}) {
            HttpResponse response = transport.execute(HttpRequest.of(Method.GET, uri("/status/" + status),
                    HttpHeaders.empty(), null));
            assertThat(response.status()).isEqualTo(status);
            if (status == 204) {
                assertThat(response.bodyLength()).isZero();
            } else {
                assertThat(response.bodyText()).isEqualTo("status " + status);
            }
        }
        assertThat(seen).hasSize(5);
        HttpResponse redirect = transport.execute(HttpRequest.of(Method.GET, uri("/status/302"), HttpHeaders.empty(), null));
        assertThat(redirect.headers().first("Location")).contains("http://127.0.0.1:1/elsewhere");
        HttpResponse gzip = transport.execute(HttpRequest.of(Method.GET, uri("/gzip"), HttpHeaders.empty(), null));
        assertThat(gzip.bodyBytes()).containsExactly(0x1f, 0x8b, 8, 0);
        assertThat(transport.execute(HttpRequest.of(Method.GET, uri("/empty"), HttpHeaders.empty(), null))
                .bodyLength()).isZero();
    }

    @Test
    void bodyOverTheLimitFailsAndTheConnectionIsNotReused() {
        assertThatThrownBy(() -> transport.execute(HttpRequest.of(Method.GET, uri("/big"), HttpHeaders.empty(), null)))
                .isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).reason()).isEqualTo(Reason.RESPONSE_TOO_LARGE))
                .hasMessageContaining("4096");
        assertThat(transport.leasedConnections()).isZero();
        assertThat(transport.execute(HttpRequest.of(Method.GET, uri("/ok"), HttpHeaders.empty(), null)).status())
                .isEqualTo(200);
    }

    @Test
    void sequentialRequestsReuseOneConnection() {
        for (int i = 0; i < 20; i++) {
            transport.execute(HttpRequest.of(Method.GET, uri("/keep/" + i), HttpHeaders.empty(), null));
        }
        assertThat(clientPorts).hasSize(1);
        assertThat(transport.leasedConnections()).isZero();
        assertThat(transport.availableConnections()).isEqualTo(1);
    }

    @Test
    void parallelRequestsNeverOpenMoreThanMaxConnections() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                results.add(callers.submit(() -> transport.execute(
                        HttpRequest.of(Method.GET, uri("/slowish/" + n), HttpHeaders.empty(), null))));
            }
            for (Future<HttpResponse> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(seen).hasSize(50);
        assertThat(clientPorts).hasSizeBetween(2, 4);
        assertThat(transport.leasedConnections()).isZero();
    }

    @Test
    void connectionRefusedSurelyWasNotSent() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/x");
        assertThatThrownBy(() -> transport.execute(HttpRequest.of(Method.POST, closed, HttpHeaders.empty(), new byte[1])))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(e -> {
                    assertThat(((TransportException) e).reason()).isEqualTo(Reason.CONNECT_FAILED);
                    assertThat(((TransportException) e).requestSurelyNotSent()).isTrue();
                });
    }

    /** A raw server whose every connection runs {@code behaviour}; counts connections and requests. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final Thread acceptor;

        RawServer(SocketBehaviour behaviour) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        connections.incrementAndGet();
                        behaviour.handle(client.getInputStream(), client.getOutputStream());
                    } catch (IOException | InterruptedException ignored) {
                        // the test closed the server, or the client went away
                    }
                }
            }, "raw-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/raw");
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(5000);
        }
    }

    @FunctionalInterface
    private interface SocketBehaviour {
        void handle(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Test
    void silentServerTripsTheResponseTimeout() throws Exception {
        try (RawServer silent = new RawServer((in, out) -> {
                readRequestHead(in);
                Thread.sleep(3000);
            });
             ApacheTransport quick = ApacheTransport.builder().responseTimeout(Duration.ofMillis(300)).build()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> quick.execute(HttpRequest.of(Method.GET, silent.uri(), HttpHeaders.empty(), null)))
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).reason()).isEqualTo(Reason.RESPONSE_TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void serverClosingMidBodyIsAConnectionErrorNotAHang() throws Exception {
        try (RawServer cut = new RawServer((in, out) -> {
                readRequestHead(in);
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: application/json\r\n\r\n{\"participants\""
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            })) {
            assertThatThrownBy(() -> transport.execute(HttpRequest.of(Method.GET, cut.uri(), HttpHeaders.empty(), null)))
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).reason()).isEqualTo(Reason.CONNECTION_CLOSED));
        }
    }

    @Test
    void serverClosingWithoutAnswerIsNotRetried() throws Exception {
        try (RawServer hangUp = new RawServer((in, out) -> readRequestHead(in))) {
            assertThatThrownBy(() -> transport.execute(HttpRequest.of(Method.POST, hangUp.uri(), HttpHeaders.empty(),
                    "To=%2B1".getBytes(StandardCharsets.US_ASCII))))
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).requestSurelyNotSent()).isFalse());
            Thread.sleep(200);
            assertThat(hangUp.connections).hasValue(1);
        }
    }

    @Test
    void closedTransportRefusesWork() {
        transport.close();
        transport.close();
        assertThatThrownBy(() -> transport.execute(HttpRequest.of(Method.GET, uri("/x"), HttpHeaders.empty(), null)))
                .isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).reason()).isEqualTo(Reason.CANCELLED));
    }

    @Test
    void providerIsFoundByServiceLoader() {
        List<TransportProvider> providers = new ArrayList<>();
        ServiceLoader.load(TransportProvider.class).forEach(providers::add);
        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("apache");
            assertThat(p.priority()).isEqualTo(ApacheTransportProvider.PRIORITY);
            try (var created = p.create(TransportSettings.defaults())) {
                assertThat(created).isInstanceOf(ApacheTransport.class);
                assertThat(created.name()).isEqualTo("apache");
            }
        });
    }
}
