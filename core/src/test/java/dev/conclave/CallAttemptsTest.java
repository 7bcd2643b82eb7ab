package dev.conclave;

import dev.conclave.http.TransportException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.internal.retry.RetryBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The decisions between attempts: waits within bounds, Retry-After, the deadline, the budget, attempts. */
class CallAttemptsTest {
    private static final RetryBudget UNLIMITED = new RetryBudget(Double.POSITIVE_INFINITY, 0);
    private static final Duration LONG = Duration.ofMinutes(5);

    private static CallAttempts fetch(RetryPolicy policy, RetryBudget budget, Duration callTimeout) {
        return new CallAttempts(Operations.FETCH_PARTICIPANT, policy, budget, Duration.ofSeconds(30), callTimeout);
    }

    private static ServerErrorException unavailable(Duration retryAfter) {
        return new ServerErrorException(503, null, "down", null, null, null, retryAfter);
    }

    @Test
    void backoffIsFullJitterWithinTheDoublingBound() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).build();
        long[] maxSeen = new long[3];
        long[] minSeen = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int run = 0; run < 2_000; run++) {
            CallAttempts attempts = fetch(policy, UNLIMITED, LONG);
            for (int retry = 1; retry <= 3; retry++) {
                attempts.beginAttempt();
                long wait = attempts.retryDelay(unavailable(null));
                assertThat(wait).isBetween(0L, policy.backoffBound(retry).toNanos());
                maxSeen[retry - 1] = Math.max(maxSeen[retry - 1], wait);
                minSeen[retry - 1] = Math.min(minSeen[retry - 1], wait);
            }
            attempts.beginAttempt();
            assertThat(attempts.retryDelay(unavailable(null))).as("the fourth attempt was the last").isEqualTo(-1);
        }
        for (int retry = 1; retry <= 3; retry++) {
            long bound = policy.backoffBound(retry).toNanos();
            assertThat(maxSeen[retry - 1]).as("the waits spread up to the bound").isGreaterThan(bound * 9 / 10);
            assertThat(minSeen[retry - 1]).as("and down to nearly nothing").isLessThan(bound / 10);
        }
    }

    @Test
    void retryAfterReplacesTheBackoffUpToTheCapAndTheDeadline() {
        CallAttempts honoured = fetch(RetryPolicy.defaults(), UNLIMITED, LONG);
        honoured.beginAttempt();
        assertThat(honoured.retryDelay(unavailable(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3).toNanos());

        CallAttempts overCap = fetch(RetryPolicy.defaults(), UNLIMITED, LONG);
        overCap.beginAttempt();
        ServerErrorException tooLong = unavailable(Duration.ofSeconds(21));
        assertThat(overCap.retryDelay(tooLong)).as("beyond maxBackoff of 20 s").isEqualTo(-1);
        assertThat(overCap.finalFailure()).isSameAs(tooLong);

        CallAttempts beyondDeadline = fetch(RetryPolicy.defaults(), UNLIMITED, Duration.ofSeconds(2));
        beyondDeadline.beginAttempt();
        assertThat(beyondDeadline.retryDelay(unavailable(Duration.ofSeconds(3)))).as("beyond the call timeout")
                .isEqualTo(-1);
    }

    @Test
    void noWaitOutlivesTheCallTimeout() {
        RetryPolicy slow = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).build();
        int refused = 0;
        for (int run = 0; run < 200; run++) {
            CallAttempts attempts = fetch(slow, UNLIMITED, Duration.ofSeconds(1));
            attempts.beginAttempt();
            long wait = attempts.retryDelay(unavailable(null));
            if (wait < 0) {
                refused++;
            } else {
                assertThat(wait).isLessThan(Duration.ofSeconds(1).toNanos());
            }
        }
        assertThat(refused).as("most 0-10 s waits do not fit in 1 s").isGreaterThan(100);
    }

    @Test
    void aReadTimeoutBeforeTheDeadlineStaysRetryableEvenWhenTheAttemptWasCutToTheDeadline() {
        // callTimeout 5 s < attemptTimeout 30 s: every attempt is cut to the deadline, but a socket read timeout
        // long before it is still an attempt's failure, not the call's.
        CallAttempts attempts = fetch(RetryPolicy.defaults(), UNLIMITED, Duration.ofSeconds(5));
        attempts.beginAttempt();
        long wait = attempts.retryDelay(new TransportException(TransportException.Reason.RESPONSE_TIMEOUT,
                "read timed out", null));
        assertThat(wait).isNotNegative();
    }

    @Test
    void aSpentBudgetEndsTheCallWithItsLastFailure() {
        RetryBudget budget = new RetryBudget(0, 1);
        CallAttempts first = fetch(RetryPolicy.defaults(), budget, LONG);
        first.beginAttempt();
        assertThat(first.retryDelay(unavailable(null))).isNotNegative();
        first.beginAttempt();
        ServerErrorException last = unavailable(null);
        assertThat(first.retryDelay(last)).isEqualTo(-1);
        assertThat(first.finalFailure()).isSameAs(last);
        assertThat(last.getSuppressed()).hasSize(1);
    }

    @Test
    void aDeleteAnswered404AfterAPossiblyDeliveredAttemptSucceeded() {
        CallAttempts delete = new CallAttempts(Operations.DELETE_PARTICIPANT, RetryPolicy.defaults(), UNLIMITED,
                Duration.ofSeconds(30), LONG);
        NotFoundException gone = new NotFoundException(404, 20404, "not found", null, null, null);
        delete.beginAttempt();
        assertThat(delete.isDeletedAfterAll(gone)).as("a 404 at the first attempt is an error").isFalse();
        delete.retryDelay(new TransportException(TransportException.Reason.CONNECTION_CLOSED, "reset", null));
        delete.beginAttempt();
        assertThat(delete.isDeletedAfterAll(gone)).isTrue();

        CallAttempts refused = new CallAttempts(Operations.DELETE_PARTICIPANT, RetryPolicy.defaults(), UNLIMITED,
                Duration.ofSeconds(30), LONG);
        refused.beginAttempt();
        refused.retryDelay(new TransportException(TransportException.Reason.CONNECT_FAILED, "refused", null));
        refused.beginAttempt();
        assertThat(refused.isDeletedAfterAll(gone)).as("nothing was delivered before: the 404 is real").isFalse();
    }
}
