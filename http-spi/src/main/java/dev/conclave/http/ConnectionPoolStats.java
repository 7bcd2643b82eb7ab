package dev.conclave.http;

/**
 * A snapshot of a transport's connection pool, all hosts together, for the pool gauges a client registers
 * (see {@code ConclaveClient.Builder#meterRegistry}).
 *
 * @param leased connections lent out to exchanges in progress
 * @param idle open connections waiting in the pool for reuse
 * @param pending exchanges waiting for a connection
 * @param max the most connections the pool opens at once
 */
public record ConnectionPoolStats(int leased, int idle, int pending, int max) {
    /**
     * Checks the counts.
     *
     * @param leased connections lent out to exchanges in progress; not negative
     * @param idle open connections waiting in the pool for reuse; not negative
     * @param pending exchanges waiting for a connection; not negative
     * @param max the most connections the pool opens at once; not negative
     * @throws IllegalArgumentException if a count is negative
     */
    public ConnectionPoolStats {
        if (leased < 0 || idle < 0 || pending < 0 || max < 0) {
            throw new IllegalArgumentException("pool counts must not be negative: leased=" + leased + ", idle="
                    + idle + ", pending=" + pending + ", max=" + max);
        }
    }
}
