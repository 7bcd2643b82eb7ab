package dev.conclave.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conclave.AsyncParticipantOperations;
import dev.conclave.ConclaveClient;
import dev.conclave.ConferenceOperations;
import dev.conclave.ConferenceRecordingOperations;
import dev.conclave.ParticipantOperations;
import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.HttpTransport;
import dev.conclave.http.Method;
import dev.conclave.http.TransportSettings;
import dev.conclave.model.Conference;
import dev.conclave.model.ConferenceRecord;
import dev.conclave.model.ConferenceRecording;
import dev.conclave.model.ConferenceRecordingStatus;
import dev.conclave.model.ConferenceStatus;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListConferenceRecordingsRequest;
import dev.conclave.model.ListConferencesRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantStatus;
import dev.conclave.model.UpdateConferenceRecordingRequest;
import dev.conclave.model.UpdateConferenceRequest;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.tck.internal.TckServer;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transport conformance kit (TCK): what every {@link HttpTransport} must do for Conclave's core to work on
 * it, as JUnit 5 tests against a real HTTP server on 127.0.0.1. A transport passes by extending this class and
 * saying how to create it:
 *
 * <pre>{@code
 * class MyTransportConformanceTest extends TransportConformanceSuite {
 *     @Override
 *     protected HttpTransport createTransport(TransportSettings settings, SSLContext tls) {
 *         return new MyTransport(settings, tls);
 *     }
 * }
 * }</pre>
 *
 * <p>It checks: the methods the API uses; status codes 200 to 5xx with empty, JSON, text, HTML and chunked
 * bodies; request targets, headers and bodies arriving byte-exact; a 5 MB response; the body limit enforced;
 * keep-alive (20 sequential calls, at most 2 connections); no reuse of a connection the server closed; a body cut
 * by a close is a transport error, not a short success; connect, response and whole-exchange timeouts;
 * cancellation (async transports); 200 concurrent calls; TLS trust and rejection; redirects returned, not
 * followed; no exchange after close; and every operation of participants, conferences and conference recordings
 * through a {@link ConclaveClient} on the transport, blocking and async, against the emulator. A failure says what
 * the transport did and what was expected.
 *
 * <p>Each test makes its own server and transports, and closes them. Needs no network but loopback.
 */
@Timeout(60)
public abstract class TransportConformanceSuite {
    /** The settings most checks use: 5 s connect, 10 s response, 50 connections, 8 MiB bodies. */
    protected static final TransportSettings SETTINGS = new TransportSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(10), 50, 8 * 1024 * 1024);

    private final List<HttpTransport> created = new ArrayList<>();
    private final List<TckServer> servers = new ArrayList<>();
    private TckServer server;

    /** For the subclass that names the transport under test. */
    protected TransportConformanceSuite() {
    }

    /**
     * Creates the transport under test. It must honour the settings (timeouts, pool size, body limit) and, when
     * {@code tls} is given, use it for HTTPS instead of the JDK's default trust.
     *
     * @param settings timeouts, pool size and body limit
     * @param tls the TLS context to trust the test server with, or {@code null} for the default
     * @return a new transport; the suite closes it
     */
    protected abstract HttpTransport createTransport(TransportSettings settings, SSLContext tls);

    @BeforeEach
    final void startServer() throws IOException {
        server = server(null);
    }

    @AfterEach
    final void closeEverything() {
        for (HttpTransport transport : created) {
            transport.close();
        }
        for (TckServer each : servers) {
            each.close();
        }
    }

    private TckServer server(SSLContext tls) throws IOException {
        TckServer started = new TckServer(tls);
        servers.add(started);
        return started;
    }

    private HttpTransport transport(TransportSettings settings, SSLContext tls) {
        HttpTransport transport = createTransport(settings, tls);
        if (transport == null) {
            fail("createTransport returned null");
        }
        created.add(transport);
        if (!(transport instanceof BlockingHttpTransport) && !(transport instanceof AsyncHttpTransport)) {
            fail("the transport implements neither BlockingHttpTransport nor AsyncHttpTransport, so core cannot "
                    + "use it: " + transport.getClass().getName());
        }
        return transport;
    }

    private HttpTransport transport() {
        return transport(SETTINGS, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Requests and responses

    /** GET, POST and DELETE arrive as asked, and a POST body arrives and comes back unchanged. */
    @Test
    public void sendsEachMethodTheApiUses() {
        HttpTransport transport = transport();
        byte[] form = "Muted=true&Label=agent+7".getBytes(StandardCharsets.UTF_8);
        for (Method method : new Method[] {Method.GET, Method.POST, Method.DELETE}) {
            byte[] body = method == Method.POST ? form : null;
            HttpResponse response = send(transport, request(method, "/echo/" + method, body));
            assertEquals(200, response.status(), () -> method + " /echo: expected status 200");
            TckServer.Received received = last();
            assertEquals(method.name(), received.method(), () -> "the server received a " + received.method()
                    + " where the transport was asked for a " + method);
            assertArrayEquals(body == null ? new byte[0] : body, received.body(),
                    () -> method + ": the request body did not arrive as given");
            assertArrayEquals(body == null ? new byte[0] : body, response.bodyBytes(),
                    () -> method + ": the response body (an echo of the request's) was not returned as sent");
        }
    }

    /**
     * Every status from 200 to 5xx is returned as a response, with its empty, JSON, text, HTML or chunked
     * body as sent.
     */
    @Test
    public void returnsEveryStatusWithItsBodyWhateverItIs() {
        HttpTransport transport = transport();
        String[][] cases = {{"200", "json"}, {"201", "json"}, {"204", "empty"}, {"304", "empty"},
            {"400", "json"}, {"401", "empty"}, {"404", "text"}, {"429", "json"}, {"500", "empty"},
            {"502", "html"}, {"503", "chunked"}, {"200", "chunked"}, {"200", "empty"}};
        for (String[] each : cases) {
            int code = Integer.parseInt(each[0]);
            String kind = each[1];
            HttpResponse response = send(transport, request(Method.GET, "/status/" + code + "/" + kind, null));
            assertEquals(code, response.status(), () -> "GET /status/" + code + "/" + kind
                    + ": the transport must return every status as a response, not throw or change it");
            String body = new String(response.bodyBytes(), StandardCharsets.UTF_8);
            switch (kind) {
                case "json" -> assertTrue(body.startsWith("{\"code\": " + (20000 + code)),
                        () -> code + " with a JSON body: the body was not returned as sent: " + abbreviate(body));
                case "text" -> assertEquals("plain text, status " + code + " \u00e9", body,
                        () -> code + " with a text body: not returned byte-exact");
                case "html" -> assertTrue(body.startsWith("<html>"), () -> code + " with an HTML body: got "
                        + abbreviate(body));
                case "chunked" -> assertEquals("{\"status\": " + code + "}", body,
                        () -> "a chunked body must be returned de-chunked");
                default -> assertEquals(0, response.bodyLength(), () -> code + " without a body: expected an "
                        + "empty body, got " + response.bodyLength() + " bytes");
            }
            if (kind.equals("json")) {
                assertEquals("application/json", response.headers().first("content-type").orElse(null),
                        () -> "response headers must be returned and found without regard to case");
            }
        }
    }

    /**
     * The request target, headers (repeated ones too) and a body of every byte value arrive exactly as given,
     * with a {@code Content-Length}.
     */
    @Test
    public void deliversTargetsHeadersAndBodiesByteExact() {
        HttpTransport transport = transport();
        String target = "/echo/a%2Fb%25c+d%20e%C3%A9.json?q=a%2Bb+c%25&x=%E2%82%AC&empty=";
        byte[] body = new byte[256 + 64];
        for (int i = 0; i < 256; i++) {
            body[i] = (byte) i;
        }
        byte[] text = "&Label=caf\u00e9+%2B+%25 \u20ac".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, body, 256, text.length);
        HttpHeaders headers = HttpHeaders.builder()
                .add("Authorization", "Basic QUMxMjM6c2VjcmV0Ky89")
                .add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .add("User-Agent", "conclave-tck/1.0 (+%2B; q=0.5)")
                .add("X-Repeated", "one")
                .add("X-Repeated", "two")
                .build();
        HttpRequest request = HttpRequest.of(Method.POST, URI.create(server.base() + target), headers, body);
        HttpResponse response = send(transport, request);
        assertEquals(200, response.status(), "POST with every byte value: expected 200");
        TckServer.Received received = last();
        assertEquals(target, received.target(), "the request target (path and query) must be sent exactly as "
                + "given, percent-encoding untouched");
        assertArrayEquals(body, received.body(), "the request body must arrive byte-exact (all 256 byte values "
                + "and UTF-8)");
        assertArrayEquals(body, response.bodyBytes(), "the response body must be returned byte-exact");
        for (String name : List.of("Authorization", "Content-Type", "User-Agent")) {
            assertEquals(headers.first(name).orElseThrow(), received.header(name),
                    () -> "the header " + name + " must arrive exactly as given");
        }
        List<String> repeated = received.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("X-Repeated"))
                .flatMap(h -> Arrays.stream(h.getValue().split(",\\s*"))).toList();
        assertEquals(List.of("one", "two"), repeated, "a repeated header must arrive with every value, in order");
        assertEquals(String.valueOf(body.length), received.header("Content-Length"),
                "a request with a body must declare its length (Twilio does not take chunked requests)");
    }

    /** A 5 MiB body, with a length or chunked, is read whole. */
    @Test
    public void readsAFiveMegabyteResponseWhole() {
        HttpTransport transport = transport();
        int size = 5 * 1024 * 1024;
        for (String route : List.of("/bytes/", "/chunked/")) {
            HttpResponse response = send(transport, request(Method.GET, route + size, null));
            assertEquals(200, response.status());
            assertEquals(size, response.bodyLength(), () -> route + size + ": body length");
            assertArrayEquals(TckServer.pattern(size), response.bodyBytes(), () -> route + size + ": body bytes");
        }
    }

    /**
     * A body over {@code maxResponseBytes} fails with {@link Reason#RESPONSE_TOO_LARGE}, and the transport goes
     * on working.
     */
    @Test
    public void refusesABodyOverTheLimitWhileReading() {
        TransportSettings oneMegabyte = new TransportSettings(SETTINGS.connectTimeout(), SETTINGS.responseTimeout(),
                SETTINGS.maxConnections(), 1024 * 1024);
        HttpTransport transport = transport(oneMegabyte, null);
        for (String route : List.of("/bytes/3000000", "/chunked/3000000")) {
            TransportException failure = failure(transport, request(Method.GET, route, null),
                    "GET " + route + " with maxResponseBytes 1 MiB");
            assertEquals(Reason.RESPONSE_TOO_LARGE, failure.reason(), () -> route + ": expected RESPONSE_TOO_LARGE, "
                    + "got " + failure.reason());
        }
        assertEquals(200, send(transport, request(Method.GET, "/echo/after", null)).status(),
                "after refusing a large body the transport must go on working");
    }

    /** A 302 is returned as a response, not followed. */
    @Test
    public void returnsRedirectsWithoutFollowingThem() {
        HttpTransport transport = transport();
        HttpResponse response = send(transport, request(Method.GET, "/redirect", null));
        assertEquals(302, response.status(), "a 302 must be returned to core, which decides; the transport must not "
                + "follow it");
        assertEquals("/echo/redirected", response.headers().first("Location").orElse(null), "the Location header");
        assertTrue(server.received().stream().noneMatch(r -> r.target().equals("/echo/redirected")),
                "the transport followed the redirect: the server received GET /echo/redirected");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Connections

    /** Twenty sequential calls use at most two connections. */
    @Test
    public void keepsConnectionsAlive() {
        HttpTransport transport = transport();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, send(transport, request(Method.GET, "/echo/" + i, null)).status());
        }
        assertTrue(server.accepted() <= 2, () -> "20 sequential calls opened " + server.accepted()
                + " connections; expected at most 2 (keep-alive)");
    }

    /** A call after the server closed a kept-alive connection succeeds on a new connection. */
    @Test
    public void doesNotReuseAConnectionTheServerClosed() {
        HttpTransport transport = transport();
        assertEquals(200, send(transport, request(Method.GET, "/close-after", null)).status());
        waitFor("the server to close its connection", () -> server.open() == 0);
        pause(300);
        HttpResponse next = send(transport, request(Method.GET, "/echo/next", null));
        assertEquals(200, next.status(), "the call after the server closed its kept-alive connection");
        assertEquals(2, server.accepted(), "the second call must use a new connection");
    }

    /**
     * A body cut by a close fails with {@link Reason#CONNECTION_CLOSED} or {@link Reason#IO}, without claiming
     * the request unsent, and the transport goes on working.
     */
    @Test
    public void reportsABodyCutByACloseAsATransportError() {
        HttpTransport transport = transport();
        for (String route : List.of("/cut", "/cut-chunked")) {
            TransportException failure = failure(transport, request(Method.GET, route, null), "GET " + route
                    + " (the server closes the connection part-way through the body)");
            assertTrue(failure.reason() == Reason.CONNECTION_CLOSED || failure.reason() == Reason.IO,
                    () -> route + ": expected CONNECTION_CLOSED or IO, got " + failure.reason());
            assertTrue(!failure.requestSurelyNotSent(), () -> route + ": the request was sent; the failure must not "
                    + "claim otherwise (a create would be sent twice)");
        }
        assertEquals(200, send(transport, request(Method.GET, "/echo/after", null)).status(),
                "after a cut body the transport must go on working");
    }

    /**
     * A refused connection fails with {@link Reason#CONNECT_FAILED} and counts as surely not sent.
     *
     * @throws IOException if no free local port can be found
     */
    @Test
    public void reportsARefusedConnectionAsSurelyNotSent() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TransportException failure = failure(transport(), HttpRequest.of(Method.POST,
                URI.create("http://127.0.0.1:" + port + "/echo/refused"), HttpHeaders.builder().build(),
                "x=1".getBytes(StandardCharsets.UTF_8)), "POST to a port where nothing listens");
        assertEquals(Reason.CONNECT_FAILED, failure.reason(), "a refused connection must be CONNECT_FAILED");
        assertTrue(failure.requestSurelyNotSent(), "a refused connection sent nothing: core may send a create again "
                + "only if the transport says so");
    }

    /**
     * A connection that is never accepted fails with {@link Reason#CONNECT_TIMEOUT}, surely not sent, once the
     * connect timeout (300 ms here) passes.
     *
     * @throws IOException if the listener or the sockets that fill its backlog cannot be set up
     */
    @Test
    public void honoursTheConnectTimeout() throws IOException {
        // A backlog of one, filled by two plain sockets: Linux then drops further SYNs, so a connect hangs on
        // loopback until the client gives up.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket first = new Socket();
             Socket second = new Socket()) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
            first.connect(address, 1000);
            try {
                second.connect(address, 300);
            } catch (IOException alreadyFull) {
                // The backlog was full after the first one.
            }
            HttpTransport transport = transport(new TransportSettings(Duration.ofMillis(300),
                    SETTINGS.responseTimeout(), 4, SETTINGS.maxResponseBytes()), null);
            long start = System.nanoTime();
            TransportException failure = failure(transport, HttpRequest.of(Method.GET, URI.create("http://127.0.0.1:"
                    + full.getLocalPort() + "/"), HttpHeaders.builder().build(), null), "GET to a listener that "
                    + "never accepts, connectTimeout 300 ms");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Reason.CONNECT_TIMEOUT, failure.reason(), "expected CONNECT_TIMEOUT");
            assertTrue(failure.requestSurelyNotSent(), "a connect timeout sent nothing");
            assertTrue(millis >= 250 && millis < 5_000, () -> "the connect timeout of 300 ms took " + millis + " ms");
        }
    }

    /**
     * A response slower than the response timeout (300 ms here) fails with
     * {@link Reason#RESPONSE_TIMEOUT} well before it comes.
     */
    @Test
    public void honoursTheResponseTimeout() {
        HttpTransport transport = transport(new TransportSettings(SETTINGS.connectTimeout(), Duration.ofMillis(300),
                SETTINGS.maxConnections(), SETTINGS.maxResponseBytes()), null);
        long start = System.nanoTime();
        TransportException failure = failure(transport, request(Method.GET, "/slow/5000", null),
                "GET a response that comes after 5 s, responseTimeout 300 ms");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Reason.RESPONSE_TIMEOUT, failure.reason(), "expected RESPONSE_TIMEOUT");
        assertTrue(millis < 3_000, () -> "the response timeout of 300 ms took " + millis + " ms");
    }

    /**
     * A body trickled past {@link HttpRequest#timeout()} fails with {@link Reason#RESPONSE_TIMEOUT} at that
     * timeout, though bytes keep arriving; skipped for an async transport that leaves the timeout to core.
     */
    @Test
    public void boundsTheWholeExchangeByTheRequestTimeout() {
        HttpTransport transport = transport();
        Assumptions.assumeFalse(transport instanceof AsyncHttpTransport async && !async.enforcesRequestTimeout(),
                "an async transport that does not claim enforcesRequestTimeout() has core cancel it instead");
        long start = System.nanoTime();
        TransportException failure = failure(transport, request(Method.GET, "/trickle/50", null)
                .withTimeout(Duration.ofMillis(500)), "GET a body trickled a byte per 50 ms (5 s in all) with "
                + "HttpRequest.timeout() 500 ms");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Reason.RESPONSE_TIMEOUT, failure.reason(), "expected RESPONSE_TIMEOUT when the request's "
                + "timeout passes");
        assertTrue(millis < 2_000, () -> "a request timeout of 500 ms took " + millis + " ms: the transport must "
                + "end the exchange then, even while bytes keep arriving");
        assertEquals(200, send(transport, request(Method.GET, "/echo/after", null)).status(),
                "after a timed-out exchange the transport must go on working, on a clean connection");
    }

    /**
     * Cancelling an async exchange's future closes its connection, and the next call succeeds; skipped for a
     * blocking transport.
     */
    @Test
    public void abortsTheExchangeWhenItsFutureIsCancelled() {
        HttpTransport transport = transport();
        Assumptions.assumeTrue(transport instanceof AsyncHttpTransport, "cancellation is part of the async shape");
        CompletableFuture<HttpResponse> slow = ((AsyncHttpTransport) transport)
                .executeAsync(request(Method.GET, "/slow/10000", null));
        waitFor("the server to receive the slow request", () -> server.received().size() == 1);
        assertTrue(slow.cancel(true), "the future could not be cancelled");
        waitFor("the transport to close the connection of the cancelled exchange", () -> server.abandoned() == 1);
        HttpResponse next = send(transport, request(Method.GET, "/echo/next", null));
        assertEquals(200, next.status(), "the call after a cancelled one");
        assertEquals("/echo/next", last().target());
    }

    /**
     * Two hundred concurrent calls each get their own response, over at most {@code maxConnections}
     * connections.
     *
     * @throws Exception if a blocking call fails on its thread, or the wait for the calls is interrupted
     */
    @Test
    public void servesTwoHundredConcurrentCalls() throws Exception {
        HttpTransport transport = transport();
        int calls = 200;
        List<HttpResponse> responses = new ArrayList<>();
        if (transport instanceof AsyncHttpTransport async) {
            List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(async.executeAsync(request(Method.POST, "/echo/" + i,
                        ("call " + i).getBytes(StandardCharsets.UTF_8))));
            }
            for (CompletableFuture<HttpResponse> future : futures) {
                responses.add(await(future));
            }
        } else {
            List<Callable<HttpResponse>> work = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                HttpRequest request = request(Method.POST, "/echo/" + i,
                        ("call " + i).getBytes(StandardCharsets.UTF_8));
                work.add(() -> send(transport, request));
            }
            ExecutorService threads = Executors.newFixedThreadPool(calls);
            try {
                for (Future<HttpResponse> future : threads.invokeAll(work, 30, TimeUnit.SECONDS)) {
                    responses.add(future.get());
                }
            } finally {
                threads.shutdownNow();
            }
        }
        for (int i = 0; i < calls; i++) {
            int index = i;
            assertEquals(200, responses.get(i).status(), () -> "concurrent call " + index);
            assertEquals("call " + i, new String(responses.get(i).bodyBytes(), StandardCharsets.UTF_8),
                    () -> "concurrent call " + index + " got another call's response");
        }
        assertTrue(server.accepted() <= SETTINGS.maxConnections(), () -> "200 concurrent calls opened "
                + server.accepted() + " connections; maxConnections is " + SETTINGS.maxConnections());
    }

    /** After {@link HttpTransport#close()}, called twice, an exchange fails with {@link Reason#CANCELLED}. */
    @Test
    public void refusesExchangesAfterClose() {
        HttpTransport transport = transport();
        assertEquals(200, send(transport, request(Method.GET, "/echo/before", null)).status());
        transport.close();
        transport.close();
        TransportException failure = failure(transport, request(Method.GET, "/echo/after", null),
                "GET after close()");
        assertEquals(Reason.CANCELLED, failure.reason(), "an exchange after close must fail with CANCELLED");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The API through a client

    /**
     * Every operation on participants, conferences and conference recordings works through a
     * {@link ConclaveClient} on the transport, blocking and async, against the emulator.
     */
    @Test
    public void carriesEveryOperationOfTheThreeResourcesThroughAClient() {
        HttpTransport transport = transport();
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ConclaveClient client = ConclaveClient.builder().credentials(emulator.accountSid(), emulator.authToken())
                     .baseUri(emulator.baseUri()).transport(transport).build()) {
            for (boolean async : new boolean[] {false, true}) {
                String room = "tck " + (async ? "async" : "blocking");
                ParticipantOperations participants = client.participants();
                AsyncParticipantOperations later = participants.async();
                Participant host = participants.create(CreateParticipantRequest.builder(room, "+15005550006",
                        "+15558675310").label("host").conferenceRecord(ConferenceRecord.RECORD_FROM_START).build());
                for (int shown = 0; shown < 3; shown++) {
                    host = async ? join(later.fetch(host.conferenceSid(), "host"))
                            : participants.fetch(host.conferenceSid(), "host");
                }
                assertEquals(ParticipantStatus.CONNECTED, host.status(), "the emulator connects a call shown thrice");
                UpdateParticipantRequest mute = UpdateParticipantRequest.builder().muted(true).build();
                assertTrue((async ? join(later.update(room, "host", mute)) : participants.update(room, "host", mute))
                        .muted(), "update by conference name and label");
                ListParticipantsRequest muted = ListParticipantsRequest.builder(room).muted(true).build();
                assertEquals(1, (async ? join(later.list(muted).toList()) : participants.list(muted).toList()).size());

                ConferenceOperations conferences = client.conferences();
                ListConferencesRequest byName = ListConferencesRequest.builder().friendlyName(room).build();
                List<Conference> found = async ? join(conferences.async().list(byName).toList())
                        : conferences.list(byName).toList();
                assertEquals(List.of(host.conferenceSid()), found.stream().map(Conference::sid).toList());
                assertEquals(ConferenceStatus.IN_PROGRESS, (async ? join(conferences.async().fetch(room))
                        : conferences.fetch(room)).status());

                ConferenceRecordingOperations recordings = client.conferenceRecordings();
                ListConferenceRecordingsRequest ofRoom = ListConferenceRecordingsRequest.builder(room).build();
                ConferenceRecording recording = (async ? join(recordings.async().list(ofRoom).toList())
                        : recordings.list(ofRoom).toList()).get(0);
                assertEquals(recording, async ? join(recordings.async().fetch(room, recording.sid()))
                        : recordings.fetch(room, recording.sid()));
                UpdateConferenceRecordingRequest pause = UpdateConferenceRecordingRequest
                        .builder(ConferenceRecordingStatus.PAUSED).build();
                assertEquals(ConferenceRecordingStatus.PAUSED, (async
                        ? join(recordings.async().update(room, recording.sid(), pause))
                        : recordings.update(room, recording.sid(), pause)).status());
                if (async) {
                    join(recordings.async().delete(room, recording.sid()));
                } else {
                    recordings.delete(room, recording.sid());
                }

                participants.create(CreateParticipantRequest.builder(room, "+15005550006", "+15558675311")
                        .label("guest").build());
                if (async) {
                    join(later.delete(room, "guest"));
                } else {
                    participants.delete(room, "guest");
                }
                UpdateConferenceRequest end = UpdateConferenceRequest.builder().status(ConferenceStatus.COMPLETED)
                        .build();
                assertEquals(ConferenceStatus.COMPLETED, (async ? join(conferences.async().update(room, end))
                        : conferences.update(room, end)).status());
                assertEquals(0, emulator.participantCount(host.conferenceSid()), "ending removes everyone");
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw new AssertionError("the call failed: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException | TimeoutException notInTime) {
            future.cancel(true);
            throw new AssertionError("the call did not complete within 20 s", notInTime);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // TLS

    /**
     * HTTPS works with a certificate the given context trusts, and an untrusted certificate or one for another
     * host fails with {@link Reason#TLS} before any request is sent.
     *
     * @throws Exception if a test server cannot be started
     */
    @Test
    public void trustsTheGivenContextAndRejectsUntrustedOrMismatchedCertificates() throws Exception {
        X509Bundle loopback = TestCertificates.forLoopback();
        X509Bundle otherHost = TestCertificates.forHost("conclave.test");
        TckServer trusted = server(TestCertificates.serving(loopback));
        HttpTransport trusting = transport(SETTINGS, TestCertificates.trusting(loopback));
        HttpResponse response = send(trusting, HttpRequest.of(Method.GET, URI.create(trusted.base() + "/echo/tls"),
                HttpHeaders.builder().build(), null));
        assertEquals(200, response.status(), "HTTPS with a certificate the given SSLContext trusts");

        HttpTransport defaults = transport(SETTINGS, null);
        TransportException untrusted = failure(defaults, HttpRequest.of(Method.GET,
                URI.create(trusted.base() + "/echo/untrusted"), HttpHeaders.builder().build(), null),
                "HTTPS to a self-signed certificate with the default trust store");
        assertEquals(Reason.TLS, untrusted.reason(), "an untrusted certificate must be a TLS failure");

        TckServer mismatched = server(TestCertificates.serving(otherHost));
        HttpTransport trustingOther = transport(SETTINGS, TestCertificates.trusting(otherHost));
        TransportException wrongHost = failure(trustingOther, HttpRequest.of(Method.GET,
                URI.create(mismatched.base() + "/echo/wrong-host"), HttpHeaders.builder().build(), null),
                "HTTPS to 127.0.0.1 presenting a trusted certificate for conclave.test");
        assertEquals(Reason.TLS, wrongHost.reason(), "a certificate for another host must be a TLS failure (host name "
                + "verification must be on)");
        assertTrue(mismatched.received().isEmpty() && trusted.received().size() == 1,
                "no request may be sent over a connection whose certificate failed");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    private HttpRequest request(Method method, String pathAndQuery, byte[] body) {
        HttpHeaders headers = body == null ? HttpHeaders.of("Accept", "application/json")
                : HttpHeaders.of("Accept", "application/json", "Content-Type", "application/x-www-form-urlencoded");
        return HttpRequest.of(method, URI.create(server.base() + pathAndQuery), headers, body);
    }

    private TckServer.Received last() {
        List<TckServer.Received> all = server.received();
        assertTrue(!all.isEmpty(), "the server received no request");
        return all.get(all.size() - 1);
    }

    /** One exchange in the transport's own shape; a failure is rethrown as the transport reported it. */
    private static HttpResponse send(HttpTransport transport, HttpRequest request) {
        if (transport instanceof BlockingHttpTransport blocking) {
            HttpResponse response = blocking.execute(request);
            if (response == null) {
                fail("execute returned null for " + request);
            }
            return response;
        }
        CompletableFuture<HttpResponse> future = ((AsyncHttpTransport) transport).executeAsync(request);
        if (future == null) {
            fail("executeAsync returned null for " + request);
        }
        return await(future);
    }

    private static HttpResponse await(CompletableFuture<HttpResponse> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError("the future failed with a checked exception or an error; expected a "
                    + "TransportException", failed.getCause());
        } catch (TimeoutException hung) {
            future.cancel(true);
            throw new AssertionError("the exchange neither completed nor failed within 30 s", hung);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        } catch (CancellationException cancelled) {
            throw new AssertionError("the future was cancelled by the transport itself", cancelled);
        }
    }

    /** Expects the exchange to fail with a {@link TransportException}. */
    private static TransportException failure(HttpTransport transport, HttpRequest request, String what) {
        HttpResponse response;
        try {
            response = send(transport, request);
        } catch (TransportException expected) {
            return expected;
        } catch (RuntimeException other) {
            throw new AssertionError(what + ": expected a TransportException, got " + other, other);
        }
        throw new AssertionError(what + ": expected a TransportException, got a response with status "
                + response.status() + " and " + response.bodyLength() + " body bytes");
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 5 s for " + what);
            }
            pause(10);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
