package dev.conclave;

import dev.conclave.http.TransportException;
import dev.conclave.internal.retry.RetryBudget;
import dev.conclave.internal.retry.RetryRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry and deadline book-keeping of one call, shared by the blocking loop and the async chain: how long the
 * next attempt may take, whether a failure is retried and after what wait, and the exception the caller finally
 * sees (the last failure, with the earlier ones suppressed).
 */
final class CallAttempts {
    private static final Logger LOG = LoggerFactory.getLogger("dev.conclave.retry");
    /** How early a timer may fire, or a transport's timeout end, and still count as the call's deadline. */
    private static final long DEADLINE_SLACK_NANOS = 50_000_000;

    private final Operation operation;
    private final RetryPolicy policy;
    private final RetryBudget budget;
    private final long attemptTimeoutNanos;
    private final Duration callTimeout;
    private final long deadline;
    private final List<Throwable> earlier = new ArrayList<>(0);
    private boolean mayHaveReachedServer;
    private int attempt;
    private Throwable finalFailure;
    private String retryReason;

    CallAttempts(Operation operation, RetryPolicy policy, RetryBudget budget, Duration attemptTimeout,
                 Duration callTimeout) {
        this.operation = operation;
        this.policy = policy;
        this.budget = budget;
        this.attemptTimeoutNanos = attemptTimeout.toNanos();
        this.callTimeout = callTimeout;
        this.deadline = System.nanoTime() + callTimeout.toNanos();
        budget.onCall();
    }

    /** Why the last retry was decided (the reason of {@code RetryRules}, e.g. {@code HTTP 503}), or {@code null}. */
    String retryReason() {
        return retryReason;
    }

    /** The number of the attempt now being made, from 1. */
    int attempt() {
        return attempt;
    }

    /**
     * Starts the next attempt: the time it may take, the attempt timeout or what is left of the call's if less.
     *
     * @return nanoseconds, or 0 or less when the call's time is already up
     */
    long beginAttempt() {
        attempt++;
        long remaining = deadline - System.nanoTime();
        return Math.min(attemptTimeoutNanos, remaining);
    }

    /** Whether the call's deadline has passed, give or take a timer's imprecision. */
    private boolean deadlinePassed() {
        return deadline - System.nanoTime() <= DEADLINE_SLACK_NANOS;
    }

    /** The exception for an attempt that ran out of time: an attempt timeout, or the call's if that ended it. */
    TransportException attemptTimedOut(long attemptNanos) {
        if (deadlinePassed()) {
            return callTimedOut(null);
        }
        return new TransportException(TransportException.Reason.RESPONSE_TIMEOUT, "no complete response within the "
                + "attempt timeout of " + Duration.ofNanos(attemptNanos).toMillis() + " ms (attempt " + attempt + ")",
                null);
    }

    /** The exception for a call whose time is up, with the last failure as its cause. */
    TransportException callTimedOut(Throwable last) {
        return new TransportException(TransportException.Reason.CALL_TIMEOUT, operation + " did not complete within "
                + "the call timeout of " + callTimeout.toMillis() + " ms (" + attempt + " attempt"
                + (attempt == 1 ? "" : "s") + ")", last);
    }

    /**
     * Whether a failed attempt means success after all: a delete answered 404 after an earlier attempt that may
     * have deleted the participant (its response was lost).
     */
    boolean isDeletedAfterAll(Throwable failure) {
        return "DELETE".equals(operation.method()) && mayHaveReachedServer && failure instanceof NotFoundException;
    }

    /**
     * Decides what follows a failed attempt.
     *
     * @param failure what the attempt failed with, unwrapped
     * @return the wait before the next attempt in nanoseconds, or -1 if the call ends with {@link #finalFailure}
     */
    long retryDelay(Throwable failure) {
        if (failure instanceof TransportException transport
                && transport.reason() == TransportException.Reason.RESPONSE_TIMEOUT && deadlinePassed()) {
            // The transport's own timer hit the call's deadline first; report it as the call's timeout. (A read
            // timeout well before the deadline stays a RESPONSE_TIMEOUT, and may be retried.)
            failure = callTimedOut(failure);
        }
        long delay = decide(failure);
        if (delay < 0) {
            finalFailure = failure;
        } else {
            earlier.add(failure);
        }
        if (RetryRules.mayHaveReachedServer(failure)) {
            mayHaveReachedServer = true;
        }
        return delay;
    }

    private long decide(Throwable failure) {
        if (attempt >= policy.maxAttempts()) {
            return -1;
        }
        String reason = RetryRules.retryReason(operation, failure, policy);
        if (reason == null) {
            return -1;
        }
        long remaining = deadline - System.nanoTime();
        long wait;
        Duration retryAfter = failure instanceof ApiException api ? api.retryAfter().orElse(null) : null;
        if (retryAfter != null) {
            if (retryAfter.compareTo(policy.maxBackoff()) > 0 || retryAfter.toNanos() >= remaining) {
                LOG.debug("not retrying {} after {}: Retry-After {} s is beyond {}", operation, reason,
                        retryAfter.toSeconds(), retryAfter.compareTo(policy.maxBackoff()) > 0
                                ? "maxBackoff " + policy.maxBackoff() : "the call timeout");
                return -1;
            }
            wait = retryAfter.toNanos();
        } else {
            long bound = policy.backoffBound(attempt).toNanos();
            wait = bound == 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
            if (wait >= remaining) {
                LOG.debug("not retrying {} after {}: the call timeout leaves no time", operation, reason);
                return -1;
            }
        }
        if (!budget.tryRetry()) {
            LOG.debug("not retrying {} after {}: the client's retry budget is spent", operation, reason);
            return -1;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("retrying {} (attempt {} of {}) in {} ms after {}", operation, attempt + 1,
                    policy.maxAttempts(), wait / 1_000_000, reason);
        }
        retryReason = reason;
        return wait;
    }

    /** The exception for a call whose time ran out between attempts: the last failure is its cause. */
    Throwable expired() {
        Throwable last = earlier.isEmpty() ? null : earlier.remove(earlier.size() - 1);
        attempt--; // the attempt just begun never ran
        finalFailure = callTimedOut(last);
        return finalFailure();
    }

    /** {@link #finalFailure()}, or the given failure if no decision was recorded for it. */
    Throwable finalFailureOr(Throwable failure) {
        if (finalFailure == null) {
            finalFailure = failure;
        }
        return finalFailure();
    }

    /** The exception the call ends with: the last failure, with the earlier attempts' failures suppressed. */
    Throwable finalFailure() {
        Throwable last = finalFailure;
        for (Throwable each : earlier) {
            if (each != last) {
                last.addSuppressed(each);
            }
        }
        return last;
    }
}
