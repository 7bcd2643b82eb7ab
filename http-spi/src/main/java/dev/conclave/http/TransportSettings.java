package dev.conclave.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What a client asks of the transport it creates through a {@link TransportProvider}.
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection; positive
 * @param responseTimeout how long one exchange may wait for response data after the request is sent
 *     (the per-attempt read timeout); positive
 * @param maxConnections the most connections open to one host at once; at least 1
 * @param maxResponseBytes the largest body the transport will read; a longer one fails the exchange with
 *     {@link dev.conclave.http.TransportException.Reason#RESPONSE_TOO_LARGE}
 */
public record TransportSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                                int maxResponseBytes) {
    /** Connect timeout when the client builder sets none: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Response timeout when the client builder sets none: 30 seconds. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    /** Connections per host when the client builder sets none: 50. */
    public static final int DEFAULT_MAX_CONNECTIONS = 50;
    /** Largest body read when the client builder sets none: 8 MiB (a 1000-participant page is about 0.6 MB). */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    /**
     * Validates the settings.
     *
     * @param connectTimeout how long to wait for a TCP (and TLS) connection; positive
     * @param responseTimeout how long one exchange may wait for response data after the request is sent
     *     (the per-attempt read timeout); positive
     * @param maxConnections the most connections open to one host at once; at least 1
     * @param maxResponseBytes the largest body the transport will read; at least 1
     * @throws NullPointerException if a timeout is {@code null}
     * @throws IllegalArgumentException if a timeout is not positive or a limit is below 1
     */
    public TransportSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout: must be positive, got " + connectTimeout);
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout: must be positive, got " + responseTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: must be at least 1, got " + maxConnections);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes: must be at least 1, got " + maxResponseBytes);
        }
    }

    /** {@return the defaults: 10 s connect, 30 s response, 50 connections, 8 MiB bodies} */
    public static TransportSettings defaults() {
        return new TransportSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_RESPONSE_BYTES);
    }
}
