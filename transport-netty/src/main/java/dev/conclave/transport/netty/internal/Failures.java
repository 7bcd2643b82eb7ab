package dev.conclave.transport.netty.internal;

import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Maps what Netty reports to Conclave's {@link TransportException} reasons, with a message that says why. */
final class Failures {
    private Failures() {
    }

    /** A failure to get a connection from the pool (connect, pool timeout, queue full, closed). */
    static TransportException acquireFailed(Throwable cause, HostKey key, PoolLimits limits, boolean closed) {
        if (closed) {
            return new TransportException(Reason.CANCELLED, "the Netty transport was closed while waiting for a "
                    + "connection to " + key, cause);
        }
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return new TransportException(Reason.CONNECT_TIMEOUT, "no connection to " + key + " within "
                    + limits.settings().connectTimeout().toMillis() + " ms (connectTimeout)", cause);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException) {
            return new TransportException(Reason.CONNECT_FAILED, "could not connect to " + key + ": "
                    + describe(cause), cause);
        }
        if (cause instanceof TimeoutException) {
            return new TransportException(Reason.POOL_TIMEOUT, "no connection to " + key + " became free within "
                    + limits.acquireTimeout().toMillis() + " ms (acquireTimeout); all "
                    + limits.settings().maxConnections() + " (maxConnections) were busy", cause);
        }
        if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("outstanding")) {
            return new TransportException(Reason.REJECTED, "too many requests are already waiting for a connection "
                    + "to " + key + " (maxPendingAcquires " + limits.maxPendingAcquires() + ")", cause);
        }
        SSLException tls = find(cause, SSLException.class);
        if (tls != null) {
            return tls(tls, key);
        }
        // No connection was handed over, so nothing can have been sent.
        return new TransportException(Reason.CONNECT_FAILED, "could not get a connection to " + key + ": "
                + describe(cause), cause);
    }

    /**
     * A failure once a connection was in hand: TLS, reset, malformed response, or other I/O.
     *
     * @param handshaking whether the TLS handshake was still on: only then is a TLS error proof that nothing
     *     was sent (afterwards the request may have reached the server, e.g. before a fatal alert)
     */
    static TransportException duringExchange(Throwable cause, HostKey key, boolean closed, boolean handshaking) {
        if (closed) {
            return new TransportException(Reason.CANCELLED, "the Netty transport was closed during the exchange with "
                    + key, cause);
        }
        SSLException tls = find(cause, SSLException.class);
        if (tls != null && handshaking) {
            return tls(tls, key);
        }
        if (tls != null) {
            return new TransportException(Reason.CONNECTION_CLOSED, "TLS failed on the connection to " + key
                    + " after the handshake, before the response was complete: " + describe(tls), cause);
        }
        if (cause instanceof TooLongFrameException) {
            return new TransportException(Reason.RESPONSE_TOO_LARGE, "the response head from " + key
                    + " is too large: " + cause.getMessage(), cause);
        }
        if (cause instanceof DecoderException) {
            return new TransportException(Reason.IO, "malformed HTTP response from " + key + ": "
                    + describe(cause), cause);
        }
        if (cause instanceof ClosedChannelException) {
            return closedEarly(key, cause);
        }
        if (cause instanceof IOException) {
            return new TransportException(Reason.CONNECTION_CLOSED, "the connection to " + key
                    + " failed before the response was complete: " + describe(cause), cause);
        }
        return new TransportException(Reason.IO, "the exchange with " + key + " failed: " + describe(cause), cause);
    }

    /** The server closed the connection before the whole response arrived. */
    static TransportException closedEarly(HostKey key, Throwable cause) {
        return new TransportException(Reason.CONNECTION_CLOSED, "the server " + key
                + " closed the connection before the response was complete", cause);
    }

    /** A TLS failure, saying whether the certificate was untrusted or named another host. */
    static TransportException tls(Throwable cause, HostKey key) {
        return TransportException.tlsFailure(key.toString(), key.bareHost(), cause);
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
