package dev.conclave.observation;

/**
 * The meters a client registers itself in the {@code MeterRegistry} given to
 * {@code ConclaveClient.Builder#meterRegistry}: the retry counter, and the pool gauges when its transport has
 * a pool. (The call and attempt timers come from the observations, through whatever handlers the
 * {@code ObservationRegistry} has.)
 */
public final class ConclaveMeters {
    /**
     * Counter of retries, tagged {@code resource}, {@code operation} and {@code reason} (e.g. {@code http_503},
     * {@code connection_closed}).
     */
    public static final String RETRIES = "conclave.retries";
    /** Gauge of connections lent out to exchanges in progress. */
    public static final String POOL_LEASED = "conclave.http.client.pool.leased";
    /** Gauge of open connections idle in the pool. */
    public static final String POOL_IDLE = "conclave.http.client.pool.idle";
    /** Gauge of exchanges waiting for a connection. */
    public static final String POOL_PENDING = "conclave.http.client.pool.pending";
    /** Gauge of the most connections the pool opens at once. */
    public static final String POOL_MAX = "conclave.http.client.pool.max";
    /** Tag of the pool gauges: the transport's name. */
    public static final String TAG_TRANSPORT = "client.name";
    /** Tag of the pool gauges: the client's name (see {@code ConclaveClient.Builder#clientName}). */
    public static final String TAG_CLIENT = "conclave.client";

    private ConclaveMeters() {
    }
}
