package dev.conclave.internal.retry;

import dev.conclave.ApiException;
import dev.conclave.Operation;
import dev.conclave.RetryPolicy;
import dev.conclave.http.TransportException;

/** Which failures are worth another attempt, for which operation (the rules {@link RetryPolicy} documents). */
public final class RetryRules {
    private RetryRules() {
    }

    /**
     * Why this failure may be retried, or {@code null} if it may not.
     *
     * @param operation the operation that failed
     * @param failure what the attempt failed with (already unwrapped)
     * @param policy the call's policy (for the create opt-in)
     * @return a short reason for logs, e.g. {@code "HTTP 503"} or {@code "CONNECTION_CLOSED"}; {@code null} when
     *     the failure is final
     */
    public static String retryReason(Operation operation, Throwable failure, RetryPolicy policy) {
        boolean possiblySentAllowed = !operation.repeatsSideEffect() || policy.retryCreatesWhenPossiblySent();
        if (failure instanceof ApiException api) {
            int status = api.httpStatus();
            if (status == 429) {
                // Twilio answers 429 without acting on the request, so even a create is safe to send again.
                return "HTTP 429";
            }
            if (status == 500 || status == 502 || status == 503 || status == 504) {
                return possiblySentAllowed ? "HTTP " + status : null;
            }
            return null;
        }
        if (failure instanceof TransportException transport) {
            switch (transport.reason()) {
                case CONNECT_FAILED, CONNECT_TIMEOUT, POOL_TIMEOUT:
                    return transport.reason().name();
                case RESPONSE_TIMEOUT, CONNECTION_CLOSED, IO:
                    return possiblySentAllowed ? transport.reason().name() : null;
                default:
                    // TLS failures and oversized bodies repeat; cancellation, local rejection and the call's
                    // own timeout are decisions, not accidents.
                    return null;
            }
        }
        return null;
    }

    /**
     * Whether the server may have acted on an attempt that failed this way: anything but a failure that
     * surely sent nothing, or a 429.
     */
    public static boolean mayHaveReachedServer(Throwable failure) {
        if (failure instanceof TransportException transport) {
            return !transport.requestSurelyNotSent();
        }
        return !(failure instanceof ApiException api && api.httpStatus() == 429);
    }
}
