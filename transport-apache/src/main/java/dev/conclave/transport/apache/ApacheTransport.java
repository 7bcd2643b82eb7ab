package dev.conclave.transport.apache;

import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.ConnectionPoolStats;
import dev.conclave.http.internal.ExchangeDeadlines;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.TransportBuilder;
import dev.conclave.http.TransportSettings;
import dev.conclave.transport.apache.internal.BoundedBody;
import dev.conclave.transport.apache.internal.Failures;
import dev.conclave.transport.apache.internal.QuietConnections;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * A blocking transport on Apache HttpClient 5 (classic API) with a connection pool. Thread-safe; share one.
 *
 * <p>It sends exactly the request's headers and body and returns every response as it is: Apache's automatic
 * retries, redirect handling, content decompression, cookies and default user agent are all off, because
 * Conclave's core decides those. The connect timeout, response (socket read) timeout, pool size and maximum
 * body size come from {@link TransportSettings}; waiting for a pooled connection is bounded by the connect
 * timeout. A request's own {@link HttpRequest#timeout() timeout} bounds the whole exchange: when it passes, the
 * exchange is aborted (its connection closed) and fails with {@code RESPONSE_TIMEOUT}, even if the server is still
 * sending. A body larger than the maximum is not read to its end: the exchange is aborted and its connection
 * discarded.
 *
 * <p>Its connections never log headers or wire bytes, even with DEBUG on for {@code org.apache.hc}: those logs
 * would show the {@code Authorization} credentials and request bodies.
 */
public final class ApacheTransport implements BlockingHttpTransport {
    private final TransportSettings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final RequestConfig defaultConfig;
    private final ExchangeDeadlines deadlines = new ExchangeDeadlines("conclave-apache-deadline");
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApacheTransport(TransportSettings settings, SSLContext sslContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout response = Timeout.of(settings.responseTimeout());
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnections())
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        // A pooled connection idle this long may have been closed by the server: check it first
                        // (a 1 ms read). Back-to-back exchanges skip the check; an idle connection pays 1 ms
                        // rather than failing a request that the server never saw.
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(100))
                        .build());
        if (sslContext != null) {
            poolBuilder.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        this.pool = poolBuilder.build();
        this.defaultConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(response)
                .setRedirectsEnabled(false)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(defaultConfig)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableDefaultUserAgent()
                .evictExpiredConnections()
                .build();
    }

    /**
     * Creates a transport with these settings and the JDK's default trust store.
     *
     * @param settings timeouts, pool size and body limit
     * @return the transport; close it when done
     */
    public static ApacheTransport create(TransportSettings settings) {
        return new ApacheTransport(settings, null);
    }

    /**
     * Starts a builder with {@link TransportSettings#defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "apache";
    }

    /** {@return the settings this transport honours} */
    public TransportSettings settings() {
        return settings;
    }

    /** {@return connections currently lent out to exchanges in progress} */
    public int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    /** {@return open connections idle in the pool, ready for reuse} */
    public int availableConnections() {
        return pool.getTotalStats().getAvailable();
    }

    /** {@return exchanges waiting for a connection from the pool} */
    public int pendingConnections() {
        PoolStats stats = pool.getTotalStats();
        return stats.getPending();
    }

    /** The pool's totals (the transport talks to one host in practice, so they are that host's). */
    @Override
    public java.util.Optional<ConnectionPoolStats> poolStats() {
        PoolStats stats = pool.getTotalStats();
        return java.util.Optional.of(new ConnectionPoolStats(stats.getLeased(), stats.getAvailable(),
                stats.getPending(), stats.getMax()));
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        if (closed.get()) {
            throw new TransportException(Reason.CANCELLED, "the Apache transport is closed", null);
        }
        HttpUriRequestBase apacheRequest = new HttpUriRequestBase(request.method().name(), request.uri());
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                apacheRequest.addHeader(name, value);
            }
        });
        if (request.bodyLength() > 0) {
            String type = request.headers().first("Content-Type").orElse(null);
            apacheRequest.setEntity(new ByteArrayEntity(request.bodyBytes(),
                    type == null ? null : ContentType.parseLenient(type)));
        }
        String target = request.uri().getHost() + ':' + port(request);
        Duration timeout = request.timeout().orElse(null);
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        ExchangeDeadlines.Watch abort = null;
        if (timeout != null) {
            apacheRequest.setConfig(requestConfig(timeout));
            // The socket timeout only bounds each read; this bounds the whole exchange, even against a server that
            // trickles one byte at a time.
            abort = deadlines.watch(() -> {
                if (!finished.get()) {
                    timedOut.set(true);
                    apacheRequest.cancel();
                }
            }, timeout);
        }
        HttpResponse result = null;
        try (ClassicHttpResponse response = open(apacheRequest)) {
            byte[] body = readBody(response, apacheRequest, target);
            finished.set(true);
            HttpHeaders.Builder headers = HttpHeaders.builder();
            for (Header header : response.getHeaders()) {
                headers.add(header.getName(), header.getValue());
            }
            result = HttpResponse.wrap(response.getCode(), headers.build(), body);
            return result;
        } catch (TransportException failure) {
            throw timedOut.get() ? timedOut(target, timeout, failure) : failure;
        } catch (IOException failure) {
            if (result != null) {
                // Only releasing the connection failed; the response is complete.
                return result;
            }
            throw timedOut.get() ? timedOut(target, timeout, failure) : Failures.translate(failure, target, closed.get());
        } catch (CancellationException leaseCancelled) {
            // Cancelling the request while it waits for a pooled connection cancels the lease: nothing was sent.
            if (timedOut.get()) {
                throw new TransportException(Reason.POOL_TIMEOUT, "no connection to " + target + " became free "
                        + "within the exchange's timeout of " + timeout.toMillis() + " ms; the request was not sent",
                        leaseCancelled);
            }
            throw new TransportException(Reason.CANCELLED, "the exchange with " + target + " was cancelled",
                    leaseCancelled);
        } catch (IllegalStateException poolShutDown) {
            if (closed.get()) {
                throw new TransportException(Reason.CANCELLED, "the Apache transport was closed during the exchange "
                        + "with " + target, poolShutDown);
            }
            throw poolShutDown;
        } finally {
            finished.set(true);
            if (abort != null) {
                abort.cancel();
            }
        }
    }

    /**
     * Sends the request, on another connection when the one leased turns out closed by the server before the request
     * was written (see {@link QuietConnections}); at most once per pooled connection, then on a new one.
     */
    private ClassicHttpResponse open(HttpUriRequestBase request) throws IOException {
        for (int stale = 0; ; stale++) {
            try {
                return client.executeOpen(null, request, null);
            } catch (QuietConnections.StaleConnectionException closedByServer) {
                if (stale >= settings.maxConnections()) {
                    throw closedByServer;
                }
            }
        }
    }

    private RequestConfig requestConfig(Duration timeout) {
        Timeout exchange = Timeout.of(timeout);
        Timeout response = Timeout.of(settings.responseTimeout());
        Timeout connect = Timeout.of(settings.connectTimeout());
        return RequestConfig.copy(defaultConfig)
                .setConnectionRequestTimeout(exchange.compareTo(connect) < 0 ? exchange : connect)
                .setResponseTimeout(exchange.compareTo(response) < 0 ? exchange : response)
                .build();
    }

    private static TransportException timedOut(String target, Duration timeout, Exception cause) {
        return new TransportException(Reason.RESPONSE_TIMEOUT, "the exchange with " + target + " did not complete "
                + "within its timeout of " + timeout.toMillis() + " ms", cause);
    }

    private byte[] readBody(ClassicHttpResponse response, HttpUriRequestBase exchange, String target)
            throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        int limit = settings.maxResponseBytes();
        if (declared > limit) {
            exchange.cancel();
            throw tooLarge(target, "declares " + declared + " bytes");
        }
        byte[] body = BoundedBody.read(entity.getContent(), limit, declared);
        if (body == null) {
            // Abort rather than drain: the rest of an oversized body is not worth reading, and the
            // half-read connection must not go back to the pool.
            exchange.cancel();
            throw tooLarge(target, "is longer than that");
        }
        return body;
    }

    private TransportException tooLarge(String target, String what) {
        return new TransportException(Reason.RESPONSE_TOO_LARGE, "the response from " + target + ' ' + what
                + "; the limit is " + settings.maxResponseBytes() + " bytes (maxResponseBytes)", null);
    }

    private static int port(HttpRequest request) {
        int port = request.uri().getPort();
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(request.uri().getScheme()) ? 443 : 80;
    }

    /** Closes the client and every pooled connection at once; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            deadlines.close();
            client.close(CloseMode.IMMEDIATE);
            pool.close(CloseMode.IMMEDIATE);
        }
    }

    @Override
    public String toString() {
        return "ApacheTransport[connectTimeout=" + settings.connectTimeout() + ", responseTimeout="
                + settings.responseTimeout() + ", maxConnections=" + settings.maxConnections()
                + ", maxResponseBytes=" + settings.maxResponseBytes() + (closed.get() ? ", closed" : "") + ']';
    }

    /** Configures an {@link ApacheTransport} for callers that create it themselves (and so close it). */
    public static final class Builder extends TransportBuilder<Builder> {
        private Builder() {
        }

        /**
         * Builds the transport.
         *
         * @return the transport; close it when done
         * @throws IllegalArgumentException if a timeout is not positive or a limit is below 1
         * @throws NullPointerException if a timeout is null
         */
        public ApacheTransport build() {
            return new ApacheTransport(settings(), sslContext());
        }
    }

}
