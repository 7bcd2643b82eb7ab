package dev.conclave.http;

/**
 * A way to send {@link HttpRequest}s. Implement {@link BlockingHttpTransport} or {@link AsyncHttpTransport};
 * core bridges either shape to both the sync and the async API.
 *
 * <p>Contract for every transport: no retries, no redirects (a 3xx is returned as a response), no
 * decompression, no cookies; core owns those. Failures to exchange bytes are reported as
 * {@link dev.conclave.TransportException} with the matching {@link dev.conclave.TransportException.Reason}.
 * A transport is thread-safe and is closed by whoever created it.
 */
public interface HttpTransport extends AutoCloseable {
    /** A short, stable name for logs and metrics, e.g. {@code apache} or {@code netty}. */
    String name();

    /** Releases connections and threads; idempotent. Requests sent after close fail. */
    @Override
    void close();
}
