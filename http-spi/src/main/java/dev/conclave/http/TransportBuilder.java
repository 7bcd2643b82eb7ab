package dev.conclave.http;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What every transport builder configures: the four {@link TransportSettings} and the TLS context. Transport
 * builders extend it and add their own settings; a custom transport may too.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class TransportBuilder<B extends TransportBuilder<B>> {
    private Duration connectTimeout = TransportSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration responseTimeout = TransportSettings.DEFAULT_RESPONSE_TIMEOUT;
    private int maxConnections = TransportSettings.DEFAULT_MAX_CONNECTIONS;
    private int maxResponseBytes = TransportSettings.DEFAULT_MAX_RESPONSE_BYTES;
    private SSLContext sslContext;

    /** For subclasses. */
    protected TransportBuilder() {
    }

    /**
     * How long to wait for a TCP connection (and for the TLS handshake). Default 10 s.
     *
     * @param timeout a positive duration; checked when the transport is built
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return self();
    }

    /**
     * How long an exchange may wait for response data once the request is sent. Default 30 s.
     *
     * @param timeout a positive duration; checked when the transport is built
     * @return this builder
     */
    public B responseTimeout(Duration timeout) {
        this.responseTimeout = timeout;
        return self();
    }

    /**
     * The most connections open to one host at once. Default 50.
     *
     * @param maxConnections at least 1; checked when the transport is built
     * @return this builder
     */
    public B maxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
        return self();
    }

    /**
     * The largest response body read, in bytes. Default 8 MiB.
     *
     * @param maxResponseBytes the limit in bytes, at least 1; checked when the transport is built
     * @return this builder
     */
    public B maxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        return self();
    }

    /**
     * All four settings at once, e.g. those a {@link TransportProvider} is given.
     *
     * @param settings timeouts, pool size and body limit
     * @return this builder
     */
    public B settings(TransportSettings settings) {
        connectTimeout = settings.connectTimeout();
        responseTimeout = settings.responseTimeout();
        maxConnections = settings.maxConnections();
        maxResponseBytes = settings.maxResponseBytes();
        return self();
    }

    /**
     * The TLS context (e.g. with a custom trust store); default: the JDK's default context.
     *
     * @param sslContext the context, or {@code null} for the JDK's default
     * @return this builder
     */
    public B sslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
        return self();
    }

    /**
     * The settings given so far, checked.
     *
     * @return the settings
     * @throws IllegalArgumentException if a timeout is not positive or a limit is below 1
     * @throws NullPointerException if a timeout is null
     */
    protected TransportSettings settings() {
        return new TransportSettings(connectTimeout, responseTimeout, maxConnections, maxResponseBytes);
    }

    /** {@return the TLS context given, or {@code null} for the JDK's default} */
    protected SSLContext sslContext() {
        return sslContext;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
