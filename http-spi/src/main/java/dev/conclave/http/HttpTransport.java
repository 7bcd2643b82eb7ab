package dev.conclave.http;

/**
 * A way to send {@link HttpRequest}s. Implement {@link BlockingHttpTransport} or {@link AsyncHttpTransport};
 * core bridges either shape to both the sync and the async API.
 *
 * <p>Contract for every transport: no retries, no redirects (a 3xx is returned as a response), no
 * decompression, no cookies; core owns those. Failures to exchange bytes are reported as
 * {@link dev.conclave.http.TransportException} with the matching {@link dev.conclave.http.TransportException.Reason}.
 * A transport is thread-safe and is closed by whoever created it.
 */
public interface HttpTransport extends AutoCloseable {
    /** {@return a short, stable name for logs and metrics, e.g. {@code apache} or {@code netty}} */
    String name();

    /**
     * The transport's connection pool now, if it has one: core reads it for the pool gauges of each client that
     * uses this transport. Called from metrics threads at any time, also after {@link #close()}; must not block.
     *
     * @return the pool's counts, or empty (the default) for a transport without a pool
     */
    default java.util.Optional<ConnectionPoolStats> poolStats() {
        return java.util.Optional.empty();
    }

    /** Releases connections and threads; idempotent. Requests sent after close fail. */
    @Override
    void close();
}
