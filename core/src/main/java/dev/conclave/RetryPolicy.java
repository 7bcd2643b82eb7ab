package dev.conclave;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed call is sent again. Immutable; set one per client with
 * {@link ConclaveClient.Builder#retryPolicy(RetryPolicy)} or per call with {@link CallOptions}.
 *
 * <p>What is retried (the rules are fixed; the numbers are not):
 * <ul>
 *   <li>fetch, list (each page), update and delete: on HTTP 429, 500, 502, 503 and 504, and on transport
 *       failures other than TLS, a too-large body, cancellation, local rejection and the call's own timeout;</li>
 *   <li>create, which dials a phone: only when the request surely did not reach the server (connection refused,
 *       connect timeout, pool timeout) or on 429, which Twilio answers without acting. A 5xx, a reset or a read
 *       timeout on create is reported, never re-sent, unless {@link Builder#retryCreatesWhenPossiblySent(boolean)}
 *       opts in;</li>
 *   <li>never: other 4xx, decoding errors, invalid input.</li>
 * </ul>
 *
 * <p>Waiting: full-jitter exponential backoff, a random time between 0 and
 * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}. A {@code Retry-After} header (seconds or an HTTP date)
 * replaces it; if it asks for more than {@code maxBackoff}, or more than is left of the call's timeout, the call
 * fails at once with the response rather than wait longer than allowed. No wait outlives the call's timeout.
 *
 * <p>Retries also draw on the client's retry budget ({@link ConclaveClient.Builder#retryBudget(double, int)}):
 * a retry the budget refuses is not sent, and the call fails with its last failure.
 */
public final class RetryPolicy {
    /** Attempts per call, including the first, when none is set: 3. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The first retry's backoff bound when none is set: 100 ms. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** The largest wait before a retry (and the longest {@code Retry-After} honoured) when none is set: 20 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean retryCreatesWhenPossiblySent;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.retryCreatesWhenPossiblySent = builder.retryCreatesWhenPossiblySent;
    }

    /**
     * The defaults: 3 attempts, backoff from 100 ms capped at 20 s, creates sent again only when surely not sent or
     * on 429.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * No retries: every call is sent once.
     *
     * @return the policy of one attempt per call
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this policy's values, to change some of them} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxAttempts = maxAttempts;
        builder.initialBackoff = initialBackoff;
        builder.maxBackoff = maxBackoff;
        builder.retryCreatesWhenPossiblySent = retryCreatesWhenPossiblySent;
        return builder;
    }

    /** {@return attempts per call, the first included; 1 means no retries} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The bound of the first retry's random backoff; each later retry doubles it, up to {@link #maxBackoff()}.
     *
     * @return the first retry's bound, zero or more
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return the longest wait before a retry, and the longest {@code Retry-After} that is waited for} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** {@return whether a create may be re-sent after a failure that may have reached the server (off by default)} */
    public boolean retryCreatesWhenPossiblySent() {
        return retryCreatesWhenPossiblySent;
    }

    /**
     * The upper bound of the random backoff before a retry: {@code min(maxBackoff, initialBackoff * 2^(retry-1))}.
     *
     * @param retry 1 for the first retry (the second attempt), 2 for the next...
     * @return the bound; the wait is uniformly random between zero and it
     * @throws IllegalArgumentException if {@code retry} is less than 1
     */
    public Duration backoffBound(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry: must be at least 1, got " + retry);
        }
        long initial = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        int shift = Math.min(retry - 1, 62);
        long bound = initial > (cap >> shift) ? cap : initial << shift;
        return Duration.ofNanos(Math.min(bound, cap));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that && maxAttempts == that.maxAttempts
                && initialBackoff.equals(that.initialBackoff) && maxBackoff.equals(that.maxBackoff)
                && retryCreatesWhenPossiblySent == that.retryCreatesWhenPossiblySent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, retryCreatesWhenPossiblySent);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", retryCreatesWhenPossiblySent=" + retryCreatesWhenPossiblySent + ']';
    }

    /** Configures a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private boolean retryCreatesWhenPossiblySent;

        private Builder() {
        }

        /**
         * Attempts per call, the first included. Default 3; 1 turns retries off.
         *
         * @param maxAttempts 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if less than 1 or more than 100
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("maxAttempts: must be between 1 and 100, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The bound of the first retry's random backoff. Default 100 ms.
         *
         * @param initialBackoff zero or more; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if negative or null
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = notNegative("initialBackoff", initialBackoff);
            return this;
        }

        /**
         * The longest wait before a retry, and the longest {@code Retry-After} waited for. Default 20 s.
         *
         * @param maxBackoff zero or more; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if negative or null
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = notNegative("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * Lets a create be re-sent after a failure that may have reached the server: a 5xx, a reset, a read
         * timeout. Off by default, because each such retry may dial the same person again. Turn it on only if
         * a duplicate call is acceptable, e.g. when the conference de-duplicates by label.
         *
         * @param allow {@code true} to re-send creates after such failures
         * @return this builder
         */
        public Builder retryCreatesWhenPossiblySent(boolean allow) {
            this.retryCreatesWhenPossiblySent = allow;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException if {@code initialBackoff} exceeds {@code maxBackoff}
         */
        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException("initialBackoff (" + initialBackoff + ") must not exceed "
                        + "maxBackoff (" + maxBackoff + ')');
            }
            return new RetryPolicy(this);
        }

        private static Duration notNegative(String field, Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(field + ": must be zero or a positive duration, got " + value);
            }
            return value;
        }
    }
}
