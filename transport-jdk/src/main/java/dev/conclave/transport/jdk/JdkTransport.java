package dev.conclave.transport.jdk;

import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.TransportBuilder;
import dev.conclave.http.TransportSettings;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The transport on the JDK's own {@code java.net.http.HttpClient} (HTTP/1.1): with {@code conclave-core} it
 * needs no other library. Its provider's priority is the lowest of Conclave's transports, so Apache or Netty
 * is chosen when one of them is on the class path too; choose it by name with {@code .transport("jdk")} or
 * {@code -Dconclave.transport=jdk}.
 *
 * <p>What it adds to the JDK client to meet the SPI's contract: at most {@code maxConnections} exchanges at once
 * (the JDK client has no pool limit; up to 10,000 more wait, beyond which an exchange fails with
 * {@link Reason#REJECTED}), the body limit enforced while reading, the request's own timeout bounding the whole
 * exchange (the JDK's covers only the wait for the response head), redirects never followed, and every failure
 * reported as a {@link TransportException} with the right {@link Reason}.
 *
 * <p>Closing it fails waiting exchanges and stops its timer thread. The JDK 17 client has no {@code close()}: its
 * selector thread ends when the client is garbage collected, and its callback threads after 60 s idle (on JDK 21
 * and later the client is closed at once). Apache and Netty give more control over pooling and TLS.
 */
public final class JdkTransport implements AsyncHttpTransport {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final int MAX_WAITING = 10_000;

    private final TransportSettings settings;
    private final ExecutorService callbacks;
    private final ScheduledExecutorService deadlines;
    private final HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object lock = new Object();
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private int running;

    private JdkTransport(TransportSettings settings, SSLContext tls) {
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.callbacks = Executors.newCachedThreadPool(task -> daemon(task, "conclave-jdk-" + count.incrementAndGet()));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "conclave-jdk-deadline"));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(callbacks);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    /**
     * Creates a transport with these settings and the JDK's default TLS context.
     *
     * @param settings timeouts, the most exchanges at once, and the body limit
     * @return the transport; the caller closes it
     * @throws NullPointerException if {@code settings} is null
     */
    public static JdkTransport create(TransportSettings settings) {
        return new JdkTransport(java.util.Objects.requireNonNull(settings, "settings"), null);
    }

    /**
     * Starts configuring a transport: {@link TransportSettings}' defaults and the JDK's default TLS context.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String name() {
        return "jdk";
    }

    /** Yes: its deadline timer fails each exchange at the request's timeout. */
    @Override
    public boolean enforcesRequestTimeout() {
        return true;
    }

    @Override
    public boolean isTransportThread() {
        return Thread.currentThread().getName().startsWith("conclave-jdk-");
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        if (closed.get()) {
            result.completeExceptionally(new TransportException(Reason.CANCELLED, "the JDK transport is closed", null));
            return result;
        }
        java.net.http.HttpRequest jdkRequest;
        try {
            jdkRequest = toJdk(request);
        } catch (IllegalArgumentException unsendable) {
            result.completeExceptionally(unsendable);
            return result;
        }
        Duration timeout = request.timeout().orElse(null);
        if (timeout != null) {
            ScheduledFuture<?> deadline = deadlines.schedule(() -> result.completeExceptionally(
                    new TransportException(Reason.RESPONSE_TIMEOUT, "the exchange with " + target(request)
                            + " did not complete within its timeout of " + timeout.toMillis() + " ms", null)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((response, failure) -> deadline.cancel(false));
        }
        Runnable start = () -> send(request, jdkRequest, result);
        synchronized (lock) {
            if (running < settings.maxConnections()) {
                running++;
            } else if (waiting.size() < MAX_WAITING) {
                waiting.add(new Waiting(start, result));
                return result;
            } else {
                result.completeExceptionally(new TransportException(Reason.REJECTED, MAX_WAITING
                        + " exchanges already wait for one of " + settings.maxConnections() + " connections", null));
                return result;
            }
        }
        start.run();
        return result;
    }

    private void send(HttpRequest request, java.net.http.HttpRequest jdkRequest,
                      CompletableFuture<HttpResponse> result) {
        if (closed.get()) {
            result.completeExceptionally(new TransportException(Reason.CANCELLED, "the JDK transport was closed "
                    + "before the exchange started", null));
        }
        if (result.isDone()) {
            // Cancelled or timed out while waiting for a slot: never sent.
            finished();
            return;
        }
        CompletableFuture<java.net.http.HttpResponse<byte[]>> exchange = client.sendAsync(jdkRequest,
                info -> new LimitedBody(settings.maxResponseBytes(), target(request)));
        // Cancelling or failing our future aborts the JDK exchange, so its connection is not reused half-read.
        result.whenComplete((response, failure) -> {
            if (failure != null) {
                exchange.cancel(true);
            }
        });
        exchange.whenComplete((response, failure) -> {
            finished();
            if (failure != null) {
                result.completeExceptionally(translate(failure, request));
                return;
            }
            HttpHeaders.Builder headers = HttpHeaders.builder();
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    values.forEach(value -> headers.add(name, value));
                }
            });
            result.complete(HttpResponse.wrap(response.statusCode(), headers.build(), response.body()));
        });
    }

    /** Frees a slot for the next waiting exchange. */
    private void finished() {
        Waiting next;
        synchronized (lock) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.start().run();
        }
    }

    /** An exchange waiting for a slot. */
    private record Waiting(Runnable start, CompletableFuture<HttpResponse> result) {
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(settings.responseTimeout())
                .method(request.method().name(), request.bodyLength() == 0
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.bodyBytes()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }

    private TransportException translate(Throwable failure, HttpRequest request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String target = target(request);
        if (cause instanceof TransportException typed) {
            return typed;
        }
        if (closed.get()) {
            return new TransportException(Reason.CANCELLED, "the JDK transport was closed during the exchange with "
                    + target, cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new TransportException(Reason.CONNECT_TIMEOUT, "no connection to " + target + " within "
                    + settings.connectTimeout().toMillis() + " ms (connectTimeout)", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TransportException(Reason.RESPONSE_TIMEOUT, "no response from " + target + " within "
                    + settings.responseTimeout().toMillis() + " ms (responseTimeout)", cause);
        }
        if (cause instanceof ConnectException) {
            return new TransportException(Reason.CONNECT_FAILED, "cannot connect to " + target + ": "
                    + cause.getMessage(), cause);
        }
        if (cause instanceof SSLException) {
            return TransportException.tlsFailure(target, request.uri().getHost(), cause);
        }
        if (cause instanceof EOFException || cause instanceof IOException io && io.getMessage() != null
                && io.getMessage().toLowerCase(Locale.ROOT).matches(".*(closed|reset|eof).*")) {
            return new TransportException(Reason.CONNECTION_CLOSED, target + " closed the connection before the "
                    + "response was complete", cause);
        }
        return new TransportException(Reason.IO, "the exchange with " + target + " failed: " + cause, cause);
    }

    private static String target(HttpRequest request) {
        int port = request.uri().getPort();
        return request.uri().getHost() + ':' + (port >= 0 ? port
                : "https".equalsIgnoreCase(request.uri().getScheme()) ? 443 : 80);
    }

    /** Stops taking exchanges, fails those waiting for a slot, and shuts the threads down; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Waiting> never;
        synchronized (lock) {
            never = List.copyOf(waiting);
            waiting.clear();
        }
        for (Waiting each : never) {
            each.result().completeExceptionally(new TransportException(Reason.CANCELLED, "the JDK transport was "
                    + "closed before the exchange started", null));
        }
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing anyway.
            }
        }
        deadlines.shutdownNow();
        // The callback pool is not shut down: the JDK 17 client keeps using its executor until it is collected
        // (a rejected task makes its selector thread spin). Its idle threads end after 60 s by themselves.
    }

    @Override
    public String toString() {
        return "JdkTransport[" + settings + (closed.get() ? ", closed" : "") + ']';
    }

    /** Reads the body into memory, failing as soon as it passes the limit (and aborting the exchange). */
    private static final class LimitedBody implements java.net.http.HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final String target;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int limit, String target) {
            this.limit = limit;
            this.target = target;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            given.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new TransportException(Reason.RESPONSE_TOO_LARGE, "the response from "
                            + target + " is longer than " + limit + " bytes (maxResponseBytes)", null));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    /** Configures a {@link JdkTransport} for callers that create it themselves (and so close it). */
    public static final class Builder extends TransportBuilder<Builder> {
        private Builder() {
        }

        /**
         * Builds the transport.
         *
         * @return the transport; the caller closes it
         * @throws IllegalArgumentException if a timeout is not positive or a limit is below 1
         * @throws NullPointerException if a timeout is null
         */
        public JdkTransport build() {
            return new JdkTransport(settings(), sslContext());
        }
    }
}
