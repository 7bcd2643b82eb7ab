package dev.conclave.internal.retry;

/**
 * A client's allowance of retries, shared by all its calls: every call earns {@code ratio} of a retry, up to a
 * store of {@code burst}; every retry spends one. So in the long run retries are at most {@code ratio} of calls,
 * and a failing API sees at most that much extra load from this client. Thread-safe, lock-free.
 */
public final class RetryBudget {
    /** Tokens are kept in thousandths so that the store is one atomic long. */
    private static final long SCALE = 1000;

    private final long earnedPerCall;
    private final long capacity;
    private final boolean unlimited;
    private final java.util.concurrent.atomic.AtomicLong tokens;

    /**
     * Creates a full budget.
     *
     * @param ratio retries earned per call; infinite for no limit
     * @param burst the retries available at the start, and the most stored (but at least one can always be
     *     stored, so that the ratio can earn one)
     */
    public RetryBudget(double ratio, int burst) {
        this.unlimited = Double.isInfinite(ratio);
        this.capacity = Math.max(burst, 1) * SCALE;
        // More than a full store per call is the same as a full store per call (and cannot overflow).
        this.earnedPerCall = unlimited ? 0 : Math.min(capacity, Math.round(ratio * SCALE));
        this.tokens = new java.util.concurrent.atomic.AtomicLong((long) burst * SCALE);
    }

    /** Credits one call. */
    public void onCall() {
        if (unlimited || earnedPerCall == 0) {
            return;
        }
        long current;
        do {
            current = tokens.get();
            if (current >= capacity) {
                return;
            }
        } while (!tokens.compareAndSet(current, Math.min(capacity, current + earnedPerCall)));
    }

    /**
     * Spends one retry if the budget holds one.
     *
     * @return whether the retry may be sent
     */
    public boolean tryRetry() {
        if (unlimited) {
            return true;
        }
        long current;
        do {
            current = tokens.get();
            if (current < SCALE) {
                return false;
            }
        } while (!tokens.compareAndSet(current, current - SCALE));
        return true;
    }

    /** Retries available now, rounded down. */
    public long available() {
        return unlimited ? Long.MAX_VALUE : tokens.get() / SCALE;
    }
}
