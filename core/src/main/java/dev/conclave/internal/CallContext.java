package dev.conclave.internal;

import dev.conclave.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * What one call (one public API invocation) carries through the chain: its operation, whether a caller thread
 * is waiting for it (the blocking API), and the exchange in flight, so that cancelling the call reaches the
 * transport even when a step in between returned a future of its own.
 */
public final class CallContext {
    private final Operation operation;
    private final boolean callerWaits;
    private CompletableFuture<?> inFlight;
    private int attempt;
    private int inFlightAttempt;
    private int abortedAttempt;
    private boolean cancelled;

    /**
     * Creates the context of one call.
     *
     * @param operation the API operation
     * @param callerWaits whether the blocking API is waiting for it on the caller's thread
     */
    public CallContext(Operation operation, boolean callerWaits) {
        this.operation = operation;
        this.callerWaits = callerWaits;
    }

    /** The API operation. */
    public Operation operation() {
        return operation;
    }

    /** Whether a caller thread is blocked waiting for this call (so a blocking transport may run inline). */
    public boolean callerWaits() {
        return callerWaits;
    }

    /**
     * Records the transport's future of an exchange this call started; if the call was already cancelled,
     * cancels it at once.
     */
    public void track(CompletableFuture<?> exchange) {
        boolean cancelNow;
        synchronized (this) {
            inFlight = exchange;
            inFlightAttempt = attempt;
            cancelNow = cancelled || abortedAttempt == attempt;
        }
        if (cancelNow) {
            exchange.cancel(true);
        }
    }

    /**
     * Starts a new attempt: exchanges tracked from now on belong to it.
     *
     * @return the attempt's number, for {@link #abort(int)}
     */
    public synchronized int newAttempt() {
        return ++attempt;
    }

    /**
     * Cancels the exchange of one attempt (it timed out), even if it starts only later; the exchanges of later
     * attempts are not touched.
     *
     * @param timedOut the number {@link #newAttempt()} gave the attempt
     */
    public void abort(int timedOut) {
        CompletableFuture<?> exchange;
        synchronized (this) {
            abortedAttempt = timedOut;
            exchange = inFlightAttempt == timedOut ? inFlight : null;
        }
        if (exchange != null) {
            exchange.cancel(true);
        }
    }

    /** Cancels the exchange in flight, if any, and every later one this call would start. */
    public void cancel() {
        CompletableFuture<?> exchange;
        synchronized (this) {
            cancelled = true;
            exchange = inFlight;
        }
        if (exchange != null) {
            exchange.cancel(true);
        }
    }
}
