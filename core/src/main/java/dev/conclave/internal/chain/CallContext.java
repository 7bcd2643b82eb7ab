package dev.conclave.internal.chain;

import dev.conclave.internal.concurrent.AsyncExecutor;
import dev.conclave.Operation;
import dev.conclave.observation.CallObservationContext;
import io.micrometer.observation.Observation;
import java.util.concurrent.CompletableFuture;

/**
 * What one call (one public API invocation) carries through the chain: its operation, whether a caller thread
 * is waiting for it (the blocking API), and the exchange in flight, so that cancelling the call reaches the
 * transport even when a step in between returned a future of its own.
 */
public final class CallContext {
    private final Operation operation;
    private final boolean callerWaits;
    private final boolean continuesOnThisThread;
    private CompletableFuture<?> inFlight;
    private int attempt;
    private int inFlightAttempt;
    private int abortedAttempt;
    private boolean cancelled;
    private volatile int lastStatus;
    private Observation observation;
    private CallObservationContext observationContext;
    private boolean observationStopped;
    private Observation attemptParent;
    private boolean observesAttempts;

    /**
     * Creates the context of one call.
     *
     * @param operation the API operation
     * @param callerWaits whether the blocking API is waiting for it on the caller's thread
     */
    public CallContext(Operation operation, boolean callerWaits) {
        this(operation, callerWaits, false);
    }

    /**
     * Creates the context of one call.
     *
     * @param operation the API operation
     * @param callerWaits whether the blocking API is waiting for it on the caller's thread
     * @param continuesOnThisThread whether its first exchange may run next on the async executor thread that
     *     starts it (see {@link AsyncExecutor#continuingOnThisThread})
     */
    public CallContext(Operation operation, boolean callerWaits, boolean continuesOnThisThread) {
        this.operation = operation;
        this.callerWaits = callerWaits;
        this.continuesOnThisThread = continuesOnThisThread;
    }

    /** Whether its first exchange may run next on the async executor thread that starts it. */
    public boolean continuesOnThisThread() {
        return continuesOnThisThread;
    }

    /** The API operation. */
    public Operation operation() {
        return operation;
    }

    /** The HTTP status of the last response this call received, or 0 if none yet. */
    public int lastStatus() {
        return lastStatus;
    }

    /** Records the HTTP status of a response this call received. */
    public void lastStatus(int status) {
        this.lastStatus = status;
    }

    /**
     * Records the call's observation (set once, before the first attempt): its attempts are observed from then on.
     *
     * @param callObservation the call's started observation, or {@code null} if a predicate turned it off
     * @param context its context, or {@code null}
     * @param attemptParent the parent of the attempts' observations, or {@code null} for none
     */
    public void observed(Observation callObservation, CallObservationContext context, Observation attemptParent) {
        this.observation = callObservation;
        this.observationContext = context;
        this.attemptParent = attemptParent;
        this.observesAttempts = true;
    }

    /** Whether this call's attempts are observed. */
    public boolean observesAttempts() {
        return observesAttempts;
    }

    /** The parent of the attempts' observations, or {@code null}. */
    public Observation attemptParent() {
        return attemptParent;
    }

    /** Whether {@link #abort(int)} was called for this attempt (it timed out). */
    public synchronized boolean isAborted(int attemptNumber) {
        return abortedAttempt == attemptNumber;
    }

    /** Whether this is the first time the call's observation is stopped (later ones must not stop it again). */
    public synchronized boolean markObservationStopped() {
        if (observationStopped) {
            return false;
        }
        observationStopped = true;
        return true;
    }

    /** The call's observation, or {@code null} when the call is not observed. */
    public Observation observation() {
        return observation;
    }

    /** The context of the call's observation, or {@code null} when the call is not observed. */
    public CallObservationContext observationContext() {
        return observationContext;
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
