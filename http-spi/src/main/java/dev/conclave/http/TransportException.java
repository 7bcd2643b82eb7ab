package dev.conclave.http;

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
        /**
         * The call's timeout (its whole time, every attempt and the waits between them) passed before a response;
         * the last attempt's failure, if any, is the cause, earlier ones are suppressed.
         */
        CALL_TIMEOUT(false),
        /** The transport was closed, or the exchange was cancelled. */
        CANCELLED(false),
        /** Any other I/O failure. */
        IO(false);

        private final boolean surelyNotSent;

        Reason(boolean surelyNotSent) {
            this.surelyNotSent = surelyNotSent;
        }

        /** {@return whether a failure of this kind means the server cannot have received the request} */
        public boolean surelyNotSent() {
            return surelyNotSent;
        }
    }

    /** Why the exchange failed; never {@code null}. */
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

    /**
     * A {@link Reason#TLS} failure whose message says what went wrong in words a user can act on: the server's
     * certificate is not trusted, does not match the host name, or the handshake timed out. For transports,
     * so that every transport reports TLS failures alike.
     *
     * @param target {@code host:port}, for the message
     * @param host the host name that was verified
     * @param cause what the TLS layer threw
     * @return the exception to report
     */
    public static TransportException tlsFailure(String target, String host, Throwable cause) {
        Throwable deepest = cause;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String detail = deepest.getClass().getSimpleName()
                + (deepest.getMessage() == null ? "" : ": " + deepest.getMessage());
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        String what;
        if (lower.contains("pkix") || lower.contains("certification path") || lower.contains("not trusted")) {
            what = "the server's certificate is not trusted (add its issuer to the trust store given to the "
                    + "transport)";
        } else if (lower.contains("subject alternative") || lower.contains("no name matching")
                || lower.contains("doesn't match")) {
            what = "the server's certificate does not match the host name " + host;
        } else if (lower.contains("timed out") || lower.contains("timeout")) {
            what = "the TLS handshake timed out";
        } else {
            what = "the TLS handshake failed";
        }
        return new TransportException(Reason.TLS, what + " (" + target + "): " + detail, cause);
    }

    /** {@return why the exchange failed} */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether the server surely did not receive the request (connect failure, pool timeout or rejection, TLS
     * failure).
     *
     * @return {@code true} if the request cannot have reached the server, so sending it again is safe
     */
    public boolean requestSurelyNotSent() {
        return reason.surelyNotSent();
    }
}
