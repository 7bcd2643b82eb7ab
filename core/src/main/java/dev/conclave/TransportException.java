package dev.conclave;

import java.util.Objects;

/**
 * No complete HTTP response was obtained: the connection failed, timed out, was reset, or the body was too
 * large. {@link #reason()} says which; {@link #requestSurelyNotSent()} tells whether the server can have
 * seen the request (what decides if a create may be sent again).
 */
public class TransportException extends ConclaveException {
    private static final long serialVersionUID = 1L;

    /** Why the exchange failed. */
    public enum Reason {
        /** The TCP connection was refused or could not be routed; nothing was sent. */
        CONNECT_FAILED(true),
        /** No connection within the connect timeout; nothing was sent. */
        CONNECT_TIMEOUT(true),
        /** No pooled connection became free in time; nothing was sent. */
        POOL_TIMEOUT(true),
        /**
         * Refused locally before anything was sent, because too many exchanges are already waiting (the
         * transport's queue of pending connection acquires, or the async executor's queue, is full).
         */
        REJECTED(true),
        /** The TLS handshake failed (e.g. an untrusted certificate or a wrong host name); nothing was sent. */
        TLS(true),
        /** The request was sent but no response arrived within the response timeout. */
        RESPONSE_TIMEOUT(false),
        /** The server closed or reset the connection before the response was complete. */
        CONNECTION_CLOSED(false),
        /** The response body exceeded the configured maximum size. */
        RESPONSE_TOO_LARGE(false),
        /** The transport was closed, or the exchange was cancelled. */
        CANCELLED(false),
        /** Any other I/O failure. */
        IO(false);

        private final boolean surelyNotSent;

        Reason(boolean surelyNotSent) {
            this.surelyNotSent = surelyNotSent;
        }

        /** Whether a failure of this kind means the server cannot have received the request. */
        public boolean surelyNotSent() {
            return surelyNotSent;
        }
    }

    private final Reason reason;

    /**
     * Creates a transport exception.
     *
     * @param reason why the exchange failed
     * @param message what happened, without credentials or bodies
     * @param cause the underlying exception, or {@code null}
     */
    public TransportException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
        this.reason = reason;
    }

    /** Why the exchange failed. */
    public Reason reason() {
        return reason;
    }

    /** Whether the server surely did not receive the request (connect failure, pool timeout or rejection, TLS failure). */
    public boolean requestSurelyNotSent() {
        return reason.surelyNotSent();
    }
}
