package dev.conclave;

import java.time.Duration;

/**
 * Settings for some calls that differ from the client's: a retry policy and timeouts. Unset values (
 * {@code null}) fall back to the client's. Use with {@link ParticipantOperations#withOptions(CallOptions)}:
 *
 * <pre>{@code
 * client.withOptions(CallOptions.builder().callTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none()).build())
 *       .fetch(conferenceSid, "agent-7");
 * }</pre>
 *
 * @param retryPolicy the retry policy, or {@code null} for the client's
 * @param attemptTimeout the most one attempt may take, from sending to the end of the body (connection wait
 *     included), or {@code null} for the client's
 * @param callTimeout the most the whole call may take, every attempt and wait between them included, or
 *     {@code null} for the client's; for a listing, each page is one call
 */
public record CallOptions(RetryPolicy retryPolicy, Duration attemptTimeout, Duration callTimeout) {
    private static final CallOptions NONE = new CallOptions(null, null, null);

    /**
     * Validates the timeouts.
     *
     * @param retryPolicy the retry policy, or {@code null} for the client's
     * @param attemptTimeout the most one attempt may take, positive, or {@code null} for the client's
     * @param callTimeout the most the whole call may take, positive, or {@code null} for the client's
     * @throws IllegalArgumentException if a timeout is zero or negative
     */
    public CallOptions {
        positiveOrNull("attemptTimeout", attemptTimeout);
        positiveOrNull("callTimeout", callTimeout);
    }

    /** {@return options that change nothing: every value is the client's} */
    public static CallOptions none() {
        return NONE;
    }

    /**
     * Starts with every value unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * These options with another's set values laid over them.
     *
     * @param override the options whose non-null values win
     * @return the combination
     */
    public CallOptions overriddenBy(CallOptions override) {
        return new CallOptions(override.retryPolicy != null ? override.retryPolicy : retryPolicy,
                override.attemptTimeout != null ? override.attemptTimeout : attemptTimeout,
                override.callTimeout != null ? override.callTimeout : callTimeout);
    }

    static Duration positiveOrNull(String field, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(field + ": must be a positive duration, got " + value);
        }
        return value;
    }

    /** Configures {@link CallOptions}. Not thread-safe. */
    public static final class Builder {
        private RetryPolicy retryPolicy;
        private Duration attemptTimeout;
        private Duration callTimeout;

        private Builder() {
        }

        /**
         * The retry policy, e.g. {@link RetryPolicy#none()}.
         *
         * @param retryPolicy the policy, or {@code null} for the client's
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * The most one attempt may take.
         *
         * @param attemptTimeout a positive duration, or {@code null} for the client's
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positiveOrNull("attemptTimeout", attemptTimeout);
            return this;
        }

        /**
         * The most the whole call may take.
         *
         * @param callTimeout a positive duration, or {@code null} for the client's
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = positiveOrNull("callTimeout", callTimeout);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, with {@code null} for each value not set
         */
        public CallOptions build() {
            return new CallOptions(retryPolicy, attemptTimeout, callTimeout);
        }
    }
}
