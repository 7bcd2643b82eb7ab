package dev.conclave.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which requests an emulator spoils, and counts what it did. Two sources, scripted first:
 * <ul>
 *   <li>scripted: {@link #script(Route, int, Fault)}, the next N requests of a route get a fault, in the order
 *       scripted;</li>
 *   <li>seeded random: {@link #random(long, double, List)}, each other request gets a fault with some probability,
 *       one of a mix. The draw depends only on the seed, the request (method, path, query, body) and how many
 *       times that same request was seen before, not on timing: the same seed and the same requests give the same
 *       faults in any order, and a retry of a request draws anew. (Identical requests sent concurrently may swap
 *       which of them is the n-th.)</li>
 * </ul>
 * Thread-safe.
 */
public final class FaultInjector {
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, Integer> injected = new TreeMap<>();
    private long seed;
    private double probability;
    private List<Fault> mix = List.of();

    FaultInjector() {
    }

    /**
     * Spoils the next {@code count} requests of a route with this fault (after any scripted before).
     *
     * @param route the requests to spoil, or {@link Route#ANY}; not {@code null}
     * @param count how many of them, at least 1
     * @param fault the fault to inject; not {@code null}
     * @return this injector
     * @throws IllegalArgumentException if count is less than 1
     * @throws NullPointerException if {@code route} or {@code fault} is {@code null}
     */
    public synchronized FaultInjector script(Route route, int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count: must be at least 1, got " + count);
        }
        scripted.add(new Scripted(java.util.Objects.requireNonNull(route, "route"), count,
                java.util.Objects.requireNonNull(fault, "fault")));
        return this;
    }

    /**
     * Spoils each request that no script claims with {@code probability}, with a fault drawn from {@code mix}.
     *
     * @param seed the seed; the same seed and requests give the same faults
     * @param probability between 0 and 1
     * @param mix the faults to choose from, each equally likely; a fault listed twice is twice as likely
     * @return this injector
     * @throws IllegalArgumentException if the probability is out of range or the mix is empty
     */
    public synchronized FaultInjector random(long seed, double probability, List<Fault> mix) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability: must be between 0 and 1, got " + probability);
        }
        if (mix.isEmpty() && probability > 0) {
            throw new IllegalArgumentException("mix: must name at least one fault");
        }
        this.seed = seed;
        this.probability = probability;
        this.mix = List.copyOf(mix);
        seen.clear();
        return this;
    }

    /** Removes every script and the random faults; the counts stay. */
    public synchronized void clear() {
        scripted.clear();
        probability = 0;
        mix = List.of();
        seen.clear();
    }

    /** {@return faults injected so far, in all} */
    public synchronized int injectedCount() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Faults injected so far by {@link Fault#label()}, sorted by label.
     *
     * @return a copy of the counts, by label
     */
    public synchronized Map<String, Integer> injected() {
        return new TreeMap<>(injected);
    }

    /** {@return scripted faults not yet used} */
    public synchronized int scriptedRemaining() {
        return scripted.stream().mapToInt(s -> s.remaining).sum();
    }

    /**
     * The fault for one request, or {@code null}; counts it. For the emulator's server.
     *
     * @param method the method
     * @param rawPath the path as received
     * @param rawQuery the query as received, or {@code null}
     * @param body the body
     * @return the fault to apply, or {@code null} to answer normally
     */
    public synchronized Fault next(String method, String rawPath, String rawQuery, byte[] body) {
        Route route = Route.of(method, rawPath);
        Fault fault = null;
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted each = it.next();
            if (each.route.covers(route)) {
                fault = each.fault;
                if (--each.remaining == 0) {
                    it.remove();
                }
                break;
            }
        }
        if (fault == null && probability > 0) {
            String key = method + ' ' + rawPath + '?' + rawQuery + '\n' + new String(body, StandardCharsets.UTF_8);
            int occurrence = seen.merge(key, 1, Integer::sum);
            long draw = mix64(seed ^ mix64(key.hashCode() * 0x9E3779B97F4A7C15L + occurrence));
            double uniform = (draw >>> 11) * 0x1.0p-53;
            if (uniform < probability) {
                fault = mix.get((int) Math.floorMod(mix64(draw), (long) mix.size()));
            }
        }
        if (fault != null) {
            injected.merge(fault.label(), 1, Integer::sum);
        }
        return fault;
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash of a 64-bit value. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public synchronized String toString() {
        List<String> scripts = new ArrayList<>();
        for (Scripted each : scripted) {
            scripts.add(each.remaining + "x " + each.route + ' ' + each.fault.label());
        }
        return "FaultInjector[scripted=" + scripts + ", random=" + probability + " of " + mix.size()
                + " faults, injected=" + injected + ']';
    }

    private static final class Scripted {
        final Route route;
        final Fault fault;
        int remaining;

        Scripted(Route route, int count, Fault fault) {
            this.route = route;
            this.remaining = count;
            this.fault = fault;
        }
    }
}
