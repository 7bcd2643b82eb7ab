package dev.conclave.transport.netty.internal;

import dev.conclave.http.TransportSettings;
import java.time.Duration;

/**
 * The limits every host pool of one transport shares.
 *
 * @param settings timeouts, pool size and body limit
 * @param maxPendingAcquires how many exchanges may wait for a connection to one host
 * @param acquireTimeout how long an exchange may wait for a connection
 * @param idleTimeout how long a pooled connection may stay unused
 */
public record PoolLimits(TransportSettings settings, int maxPendingAcquires, Duration acquireTimeout,
                         Duration idleTimeout) {
}
