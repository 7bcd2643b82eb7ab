package dev.conclave.internal.observation;

import dev.conclave.Operation;
import dev.conclave.http.ConnectionPoolStats;
import dev.conclave.http.HttpTransport;
import dev.conclave.observation.ConclaveMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * A client's own meters in a {@link MeterRegistry}: the retry counter and the pool gauges. The only class of core
 * that names {@code micrometer-core}, an optional dependency: a client built without a meter registry never
 * loads it, so core runs without that jar.
 */
public final class ClientMeters implements AutoCloseable {
    private final MeterRegistry meters;
    private final List<Meter> gauges = new ArrayList<>(4);

    /**
     * Keeps the registry; {@link #registerPoolGauges} adds the gauges.
     *
     * @param meters the registry
     */
    public ClientMeters(MeterRegistry meters) {
        this.meters = java.util.Objects.requireNonNull(meters, "meters");
    }

    /**
     * Registers the four pool gauges of a transport that has a pool.
     *
     * @param transport the client's transport
     * @param clientName the {@value ConclaveMeters#TAG_CLIENT} tag, or {@code null} for the first free one of
     *     {@code participants}, {@code participants-2}, ...
     * @throws IllegalArgumentException if {@code clientName} already names another client's gauges there
     */
    void registerPoolGauges(HttpTransport transport, String clientName) {
        if (transport.poolStats().isEmpty()) {
            return;
        }
        Tags tags = Tags.of(ConclaveMeters.TAG_TRANSPORT, transport.name(), ConclaveMeters.TAG_CLIENT,
                uniqueName(clientName));
        gauges.add(poolGauge(ConclaveMeters.POOL_LEASED, "connections lent out to exchanges", "connections",
                transport, ConnectionPoolStats::leased, tags));
        gauges.add(poolGauge(ConclaveMeters.POOL_IDLE, "open connections idle in the pool", "connections",
                transport, ConnectionPoolStats::idle, tags));
        gauges.add(poolGauge(ConclaveMeters.POOL_PENDING, "exchanges waiting for a connection", "requests",
                transport, ConnectionPoolStats::pending, tags));
        gauges.add(poolGauge(ConclaveMeters.POOL_MAX, "most connections open at once", "connections",
                transport, ConnectionPoolStats::max, tags));
    }

    /**
     * The given name if no other client's gauges in the registry use it, else an error; without a name, the first
     * free one of {@code participants}, {@code participants-2}, ... (Two clients' gauges of the same name and tags
     * would be one meter in Micrometer, reading one pool, and removed by whichever client closes first.)
     */
    private String uniqueName(String clientName) {
        if (clientName != null) {
            if (meters.find(ConclaveMeters.POOL_MAX).tag(ConclaveMeters.TAG_CLIENT, clientName).gauge() != null) {
                throw new IllegalArgumentException("clientName: '" + clientName + "' already names the pool gauges "
                        + "of another open client in this meter registry; give each client its own name");
            }
            return clientName;
        }
        String name = "participants";
        for (int n = 2; meters.find(ConclaveMeters.POOL_MAX).tag(ConclaveMeters.TAG_CLIENT, name).gauge() != null;
                n++) {
            name = "participants-" + n;
        }
        return name;
    }

    private Gauge poolGauge(String name, String description, String unit, HttpTransport transport,
                            ToIntFunction<ConnectionPoolStats> count, Tags tags) {
        // Held weakly (Micrometer's default): a client dropped without close() does not pin its transport.
        return Gauge.builder(name, transport, t -> t.poolStats().map(count::applyAsInt).orElse(0).doubleValue())
                .description(description).baseUnit(unit).tags(tags).register(meters);
    }

    /** Counts a retry about to be made, by resource, operation and reason (lower case, {@code _} for spaces). */
    void retried(Operation operation, String reason) {
        Counter.builder(ConclaveMeters.RETRIES)
                .description("attempts sent again after a failed attempt")
                .tag("resource", operation.resource())
                .tag("operation", operation.name())
                .tag("reason", reason.toLowerCase(Locale.ROOT).replace(' ', '_'))
                .register(meters)
                .increment();
    }

    /** Removes the pool gauges from the registry. */
    @Override
    public void close() {
        for (Meter gauge : gauges) {
            meters.remove(gauge);
        }
        gauges.clear();
    }
}
