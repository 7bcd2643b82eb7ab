package dev.conclave.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.ConclaveClient;
import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.Method;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.emulator.Route;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Netty transport against the emulator and against servers that misbehave on purpose, all on loopback. */
@Timeout(30)
class NettyTransportTest {
    private static NettyTransport.Builder quick() {
        return NettyTransport.builder().connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(5));
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.of(Method.GET, uri, HttpHeaders.of("Accept", "application/json"), null);
    }

    private static TransportException failure(CompletableFuture<HttpResponse> exchange) {
        try {
            exchange.orTimeout(20, TimeUnit.SECONDS).join();
        } catch (CompletionException failed) {
            assertThat(failed.getCause()).isInstanceOf(TransportException.class);
            return (TransportException) failed.getCause();
        }
        throw new AssertionError("the exchange succeeded; a TransportException was expected");
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static ConclaveClient clientFor(ParticipantEmulator emulator, NettyTransport transport) {
        return ConclaveClient.builder().credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(emulator.baseUri()).transport(transport).build();
    }

    @Test
    void sendsExactlyTheRequestAndReadsTheWholeResponse() throws Exception {
        AtomicReference<String> head = new AtomicReference<>();
        AtomicReference<byte[]> body = new AtomicReference<>();
        try (RawServer server = new RawServer(connection -> {
                 String request = readHead(connection);
                 head.set(request);
                 int length = Integer.parseInt(request.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                 body.set(connection.in.readNBytes(length));
                 connection.write("HTTP/1.1 201 Created\r\nContent-Length: 5\r\nTwilio-Request-Id: RQ1\r\n"
                         + "X-Twice: a\r\nX-Twice: b\r\n\r\nhello");
                 connection.awaitClientClose(2000);
             });
             NettyTransport transport = quick().build()) {
            byte[] form = "From=%2B1555&Label=a+b%26c".getBytes(StandardCharsets.US_ASCII);
            HttpResponse response = transport.executeAsync(HttpRequest.of(Method.POST,
                    server.uri("/a%20b%2F%3F.json?Muted=true&PageToken=PA%2B1"),
                    HttpHeaders.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                            "X-Custom", "v1", "X-Custom", "v2"), form)).join();

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.bodyText()).isEqualTo("hello");
            assertThat(response.headers().all("X-Twice")).containsExactly("a", "b");
            assertThat(head.get()).startsWith("POST /a%20b%2F%3F.json?Muted=true&PageToken=PA%2B1 HTTP/1.1\r\n")
                    .contains("\r\nHost: 127.0.0.1:" + server.uri("/").getPort() + "\r\n")
                    .contains("\r\nX-Custom: v1\r\nX-Custom: v2\r\n")
                    .contains("\r\nContent-Length: " + form.length + "\r\n")
                    .doesNotContainIgnoringCase("accept-encoding").doesNotContainIgnoringCase("connection:");
            assertThat(body.get()).isEqualTo(form);
        }
    }

    private static String readHead(RawServer.Connection connection) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = connection.in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void keepAliveServesSequentialCallsOnOneConnection() throws Exception {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             NettyTransport transport = quick().build();
             ConclaveClient client = clientFor(emulator, transport)) {
            String conference = emulator.createConference("keep-alive");
            for (int i = 0; i < 20; i++) {
                assertThat(client.participants().list(conference).toList()).isEmpty();
            }
            assertThat(emulator.acceptedConnections()).isEqualTo(1);
            assertThat(transport.openConnections()).isEqualTo(1);
            // The pool takes a connection back on its own event loop, a moment after the response completed.
            eventually("the connection is back in the pool", () -> transport.leasedConnections() == 0
                    && transport.idleConnections() == 1);
        }
    }

    @Test
    void cancellingMidResponseClosesTheConnectionInsteadOfPoolingIt() throws Exception {
        CountDownLatch partialSent = new CountDownLatch(1);
        CountDownLatch verdict = new CountDownLatch(1);
        AtomicBoolean clientClosed = new AtomicBoolean();
        try (RawServer server = new RawServer(connection -> {
                 connection.readRequest();
                 if (partialSent.getCount() == 0) {
                     connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                     connection.awaitClientClose(5000);
                     return;
                 }
                 connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
                 partialSent.countDown();
                 clientClosed.set(connection.awaitClientClose(5000));
                 verdict.countDown();
             });
             NettyTransport transport = quick().build()) {
            CompletableFuture<HttpResponse> exchange = transport.executeAsync(get(server.uri("/slow")));
            assertThat(partialSent.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // let the head and the first bytes reach the client
            assertThat(exchange).isNotDone();
            exchange.cancel(true);

            assertThat(verdict.await(6, TimeUnit.SECONDS)).isTrue();
            assertThat(clientClosed).as("the half-read connection was closed by the client").isTrue();
            eventually("no connection leased or open", () -> transport.leasedConnections() == 0
                    && transport.openConnections() == 0);

            HttpResponse next = transport.executeAsync(get(server.uri("/next"))).get(5, TimeUnit.SECONDS);
            assertThat(next.bodyText()).isEqualTo("ok");
            assertThat(server.accepted()).as("the next exchange needed a new connection").isEqualTo(2);
        }
    }

    @Test
    void aSilentServerTripsTheResponseTimeout() throws Exception {
        AtomicBoolean clientClosed = new AtomicBoolean();
        try (RawServer server = new RawServer(connection -> {
                 connection.readRequest();
                 clientClosed.set(connection.awaitClientClose(8000));
             });
             NettyTransport transport = quick().responseTimeout(Duration.ofMillis(300)).build()) {
            long started = System.nanoTime();
            TransportException e = failure(transport.executeAsync(get(server.uri("/silent"))));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(e.reason()).isEqualTo(Reason.RESPONSE_TIMEOUT);
            assertThat(e.requestSurelyNotSent()).isFalse();
            assertThat(e).hasMessageContaining("300 ms (responseTimeout)");
            assertThat(millis).isBetween(250L, 5000L);
            eventually("the connection was closed", clientClosed::get);
            // The pool takes the closed connection back on its own event loop, a moment later.
            eventually("nothing leased", () -> transport.leasedConnections() == 0);
        }
    }

    @Test
    void anExchangeEndedAtItsTimeoutCompletesOnAThreadThatCountsAsTheTransports() throws Exception {
        // Callbacks on the deadline watchdog must not block either: core refuses blocking calls there.
        try (RawServer server = new RawServer(connection -> {
                 connection.readRequest();
                 connection.awaitClientClose(8000);
             });
             NettyTransport transport = quick().responseTimeout(Duration.ofSeconds(10)).build()) {
            CompletableFuture<Boolean> onTransportThread = transport.executeAsync(get(server.uri("/silent"))
                    .withTimeout(Duration.ofMillis(200))).handle((response, failure) -> transport.isTransportThread());
            assertThat(onTransportThread.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(transport.isTransportThread()).isFalse();
        }
    }

    @Test
    void aServerClosingMidBodyIsATransportErrorNotAHang() throws Exception {
        try (RawServer server = new RawServer(connection -> {
                 if (connection.readRequest().startsWith("GET /cut-chunked")) {
                     connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
                 } else {
                     connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
                 }
             });
             NettyTransport transport = quick().build()) {
            TransportException fixed = failure(transport.executeAsync(get(server.uri("/cut"))));
            assertThat(fixed.reason()).isEqualTo(Reason.CONNECTION_CLOSED);
            assertThat(fixed).hasMessageContaining("closed the connection before the response was complete");

            TransportException chunked = failure(transport.executeAsync(get(server.uri("/cut-chunked"))));
            assertThat(chunked.reason()).isEqualTo(Reason.CONNECTION_CLOSED);
            eventually("nothing leased", () -> transport.leasedConnections() == 0);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        try (RawServer server = new RawServer(connection -> {
                 String request = connection.readRequest();
                 if (request.startsWith("GET /declared")) {
                     connection.write("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");
                 } else {
                     String chunk = "x".repeat(800);
                     connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" + chunk
                             + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
                 }
                 connection.awaitClientClose(5000);
             });
             NettyTransport transport = quick().maxResponseBytes(1024).build()) {
            TransportException declared = failure(transport.executeAsync(get(server.uri("/declared"))));
            assertThat(declared.reason()).isEqualTo(Reason.RESPONSE_TOO_LARGE);
            assertThat(declared).hasMessageContaining("declares 5000 bytes").hasMessageContaining("1024 bytes");

            TransportException streamed = failure(transport.executeAsync(get(server.uri("/streamed"))));
            assertThat(streamed.reason()).isEqualTo(Reason.RESPONSE_TOO_LARGE);
            eventually("oversized connections are closed, not pooled", () -> transport.openConnections() == 0);
        }
    }

    @Test
    void waitingForAConnectionIsBoundedInCountAndTime() throws Exception {
        try (RawServer server = new RawServer(connection -> {
                 connection.readRequest();
                 connection.awaitClientClose(8000);
             });
             NettyTransport transport = quick().maxConnections(1).maxPendingAcquires(1)
                     .acquireTimeout(Duration.ofMillis(300)).build()) {
            CompletableFuture<HttpResponse> holding = transport.executeAsync(get(server.uri("/hold")));
            eventually("the first exchange holds the only connection", () -> server.accepted() == 1
                    && transport.leasedConnections() == 1);
            CompletableFuture<HttpResponse> waiting = transport.executeAsync(get(server.uri("/wait")));
            TransportException rejected = failure(transport.executeAsync(get(server.uri("/rejected"))));
            assertThat(rejected.reason()).isEqualTo(Reason.REJECTED);
            assertThat(rejected.requestSurelyNotSent()).isTrue();
            assertThat(rejected).hasMessageContaining("maxPendingAcquires 1");

            TransportException timedOut = failure(waiting);
            assertThat(timedOut.reason()).isEqualTo(Reason.POOL_TIMEOUT);
            assertThat(timedOut.requestSurelyNotSent()).isTrue();
            assertThat(timedOut).hasMessageContaining("300 ms (acquireTimeout)");
            assertThat(server.accepted()).isEqualTo(1);
            holding.cancel(true);
            eventually("the pool is empty again", () -> transport.leasedConnections() == 0
                    && transport.pendingAcquires() == 0);
        }
    }

    @Test
    void connectionRefusedIsReportedAsSurelyNotSent() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (NettyTransport transport = quick().build()) {
            TransportException e = failure(transport.executeAsync(get(URI.create("http://127.0.0.1:" + port + "/"))));
            assertThat(e.reason()).isEqualTo(Reason.CONNECT_FAILED);
            assertThat(e.requestSurelyNotSent()).isTrue();
            assertThat(e).hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void aListenerThatNeverAcceptsTripsTheConnectTimeout() throws Exception {
        // A backlog of one, filled by two plain sockets: Linux then drops further SYNs, so a connect hangs
        // on loopback until the client gives up.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             java.net.Socket first = new java.net.Socket();
             java.net.Socket second = new java.net.Socket();
             NettyTransport transport = quick().connectTimeout(Duration.ofMillis(300)).build()) {
            java.net.InetSocketAddress address = new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(),
                    full.getLocalPort());
            first.connect(address, 1000);
            try {
                second.connect(address, 300);
            } catch (java.io.IOException alreadyFull) {
                // the backlog was full after the first one
            }
            long started = System.nanoTime();
            TransportException e = failure(transport.executeAsync(get(URI.create("http://127.0.0.1:"
                    + full.getLocalPort() + "/"))));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(e.reason()).isEqualTo(Reason.CONNECT_TIMEOUT);
            assertThat(e.requestSurelyNotSent()).isTrue();
            assertThat(e).hasMessageContaining("300 ms (connectTimeout)");
            assertThat(millis).isBetween(250L, 5000L);
        }
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             NettyTransport transport = quick().idleTimeout(Duration.ofMillis(200)).build();
             ConclaveClient client = clientFor(emulator, transport)) {
            client.participants().list(emulator.createConference("idle")).toList();
            assertThat(emulator.openConnections()).isEqualTo(1);
            eventually("the idle connection was closed", () -> emulator.openConnections() == 0
                    && transport.openConnections() == 0);
            assertThat(client.participants().list(emulator.createConference("idle")).toList()).isEmpty();
            assertThat(emulator.acceptedConnections()).isEqualTo(2);
        }
    }

    @Test
    void aConnectionTheServerClosedIsNotReused() throws Exception {
        try (RawServer server = new RawServer(connection -> {
                 connection.readRequest();
                 // A keep-alive response, then the server drops the connection anyway.
                 connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
             });
             NettyTransport transport = quick().build()) {
            assertThat(transport.executeAsync(get(server.uri("/1"))).join().bodyText()).isEqualTo("ok");
            eventually("the client noticed the close", () -> transport.openConnections() == 0);
            assertThat(transport.executeAsync(get(server.uri("/2"))).join().bodyText()).isEqualTo("ok");
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void connectionCloseResponsesAndInterimResponsesAreHandled() throws Exception {
        try (RawServer server = new RawServer(connection -> {
                 connection.readRequest();
                 connection.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n"
                         + "Connection: close\r\n\r\ndone");
                 connection.awaitClientClose(5000);
             });
             NettyTransport transport = quick().build()) {
            HttpResponse response = transport.executeAsync(get(server.uri("/"))).join();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("done");
            eventually("a Connection: close response is not pooled", () -> transport.openConnections() == 0);
        }
    }

    @Test
    void closingTheTransportCancelsExchangesInFlightAndRefusesNewOnes() throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.readRequest();
            connection.awaitClientClose(8000);
        })) {
            NettyTransport transport = quick().build();
            CompletableFuture<HttpResponse> inFlight = transport.executeAsync(get(server.uri("/")));
            eventually("the request arrived", () -> transport.leasedConnections() == 1);
            transport.close();
            assertThat(failure(inFlight).reason()).isEqualTo(Reason.CANCELLED);
            assertThat(failure(transport.executeAsync(get(server.uri("/")))).reason()).isEqualTo(Reason.CANCELLED);
            transport.close();
        }
    }

    @Test
    void usesEpollWhereAvailableAndNioOnRequest() {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             NettyTransport native_ = quick().build();
             NettyTransport nio = quick().preferNativeTransport(false).build();
             ConclaveClient overNative = clientFor(emulator, native_);
             ConclaveClient overNio = clientFor(emulator, nio)) {
            assertThat(native_.usesNativeTransport()).isEqualTo(Epoll.isAvailable());
            if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
                assertThat(native_.usesNativeTransport()).as("the tests' optional linux-x86_64 native jar loads")
                        .isTrue();
            }
            assertThat(nio.usesNativeTransport()).isFalse();
            String conference = emulator.createConference("io-modes");
            assertThat(overNative.participants().list(conference).toList()).isEmpty();
            assertThat(overNio.participants().list(conference).toList()).isEmpty();
            assertThat(nio.toString()).contains("nio");
        }
    }

    @Test
    void aHostsConnectionsShareOneEventLoopAndHostsAreSpreadOverTheLoops() throws Exception {
        try (ParticipantEmulator first = ParticipantEmulator.start();
             ParticipantEmulator second = ParticipantEmulator.start();
             NettyTransport transport = quick().ioThreads(4).maxConnections(6).build()) {
            // Slow replies keep the exchanges overlapping, so that the pool opens several connections.
            first.faults().script(Route.LIST, 6, Fault.delay(Duration.ofMillis(300)));
            URI firstList = URI.create(first.baseUri() + "/2010-04-01/Accounts/" + first.accountSid()
                    + "/Conferences/" + first.createConference("one") + "/Participants.json");
            URI secondList = URI.create(second.baseUri() + "/2010-04-01/Accounts/" + second.accountSid()
                    + "/Conferences/" + second.createConference("two") + "/Participants.json");
            Set<String> firstLoops = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<?>> exchanges = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                exchanges.add(transport.executeAsync(get(firstList))
                        .thenAccept(response -> firstLoops.add(Thread.currentThread().getName())));
            }
            CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(first.acceptedConnections()).as("connections the slow exchanges needed").isGreaterThan(1);
            assertThat(firstLoops).as("threads that completed the exchanges with one host").hasSize(1);
            String secondLoop = transport.executeAsync(get(secondList))
                    .thenApply(response -> Thread.currentThread().getName()).get(20, TimeUnit.SECONDS);
            assertThat(secondLoop).as("the second host's event loop").isNotIn(firstLoops)
                    .startsWith(firstLoops.iterator().next().replaceAll("-\\d+$", ""));
        }
    }

    @Test
    void anEventLoopGivenByTheCallerIsLeftRunning() {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            NettyTransport transport = quick().eventLoopGroup(group).build();
            try (ConclaveClient client = clientFor(emulator, transport)) {
                assertThat(client.participants().list(emulator.createConference("given-loop")).toList()).isEmpty();
            }
            transport.close();
            assertThat(group.isShuttingDown()).isFalse();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aBlockingCallOnTheEventLoopIsRefusedInsteadOfDeadlocking() throws Exception {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             NettyTransport transport = quick().build();
             ConclaveClient client = clientFor(emulator, transport)) {
            String conference = emulator.createConference("no-deadlock");
            CompletableFuture<Throwable> refused = client.participants().async().list(conference).toList()
                    .handle((participants, failure) -> {
                        try {
                            client.participants().list(conference).toList();
                            return null;
                        } catch (RuntimeException e) {
                            return e;
                        }
                    });
            assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("event loop").hasMessageContaining("client.async()");
        }
    }

    @Test
    void theProviderIsFoundByNameAndOutranksApache() {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("netty")).findFirst().orElseThrow();
        assertThat(provider.priority()).isEqualTo(200).isGreaterThan(100);
        try (NettyTransport created = (NettyTransport) provider.create(new TransportSettings(Duration.ofSeconds(3),
                Duration.ofSeconds(4), 7, 1234))) {
            assertThat(created.settings().maxConnections()).isEqualTo(7);
            assertThat(created.settings().maxResponseBytes()).isEqualTo(1234);
        }
    }

    @Test
    void invalidSettingsNameTheField() {
        assertThatThrownBy(() -> NettyTransport.builder().maxPendingAcquires(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPendingAcquires");
        assertThatThrownBy(() -> NettyTransport.builder().acquireTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acquireTimeout");
        assertThatThrownBy(() -> NettyTransport.builder().maxConnections(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
    }
}
