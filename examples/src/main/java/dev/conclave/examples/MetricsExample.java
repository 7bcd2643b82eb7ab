package dev.conclave.examples;

import dev.conclave.http.ConclaveException;
import dev.conclave.ConclaveClient;
import dev.conclave.RetryPolicy;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.observation.DefaultCallObservationConvention;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.emulator.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Wires a client to Micrometer as a service would (an {@link ObservationRegistry} whose meter handler turns
 * observations into timers, and a {@link MeterRegistry} for the client's retry counter and pool gauges), runs a
 * short workload against the embedded emulator with faults injected, on the Apache and the Netty transport, and
 * prints every meter in a table.
 */
public final class MetricsExample {
    /** Faults drawn for about one request in eight, from this seed. */
    private static final long SEED = 7;
    private static final double FAULT_RATE = 0.125;
    private static final int PARTICIPANTS = 12;

    private MetricsExample() {
    }

    /**
     * Runs the workload on both transports against an embedded emulator and prints the meters.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            for (String transport : List.of("apache", "netty")) {
                run(emulator, transport, System.out);
            }
        }
    }

    /**
     * What a run did: calls made, calls that failed (by exception type), faults the emulator injected, and the
     * meters as printed.
     *
     * @param calls calls made (each page of a listing is one), as the call timers counted them
     * @param failures failed calls by exception type
     * @param faultsInjected faults the emulator injected
     * @param rows the table's rows: meter name, tags, and the figures
     */
    public record Run(int calls, Map<String, Integer> failures, int faultsInjected, List<Row> rows) {
    }

    /**
     * One line of the table.
     *
     * @param name the meter's name
     * @param tags its tags, {@code key=value} joined by spaces
     * @param figures count, total and max for a timer; the count of a counter; the value of a gauge
     */
    public record Row(String name, String tags, String figures) {
    }

    /**
     * Runs the workload on one transport and prints the meters (before closing the client, so that its pool
     * gauges are still there).
     *
     * @param emulator the emulator to call; its faults are set and cleared again here
     * @param transport {@code apache} or {@code netty}
     * @param out where the table goes
     * @return what the run did
     */
    public static Run run(ParticipantEmulator emulator, String transport, PrintStream out) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        emulator.faults().clear();
        // Two certain 503s on fetch, so that every run shows retries; then faults drawn from the seed.
        emulator.faults().script(Route.FETCH, 2, Fault.status(503))
                .random(SEED, FAULT_RATE, List.of(Fault.status(503), Fault.status(429), Fault.resetBeforeResponse(),
                        Fault.delay(Duration.ofMillis(30))));
        Map<String, Integer> failures = new TreeMap<>();
        try (ConclaveClient client = ConclaveClient.builder()
                .credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(emulator.baseUri())
                .transport(transport)
                .clientName("example-" + transport)
                .observationRegistry(observations)
                .meterRegistry(meters)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build())
                .build()) {
            String conferenceSid = emulator.createConference("metrics-" + transport);
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                String label = "agent-" + i;
                String to = "+1555867" + String.format("%04d", i);
                if (attempt(failures, () -> client.participants().create(CreateParticipantRequest.builder(conferenceSid,
                        "+15005550006", to).label(label).build())) != null) {
                    labels.add(label);
                }
            }
            for (String label : labels) {
                attempt(failures, () -> client.participants().fetch(conferenceSid, label));
                attempt(failures, () -> client.participants().update(conferenceSid, label,
                        UpdateParticipantRequest.builder().muted(true).build()));
            }
            List<CompletableFuture<Participant>> async = new ArrayList<>();
            for (String label : labels) {
                async.add(client.participants().async().fetch(conferenceSid, label));
            }
            for (CompletableFuture<Participant> each : async) {
                attempt(failures, () -> each.get(30, TimeUnit.SECONDS));
            }
            attempt(failures, () -> client.participants().list(ListParticipantsRequest.builder(conferenceSid).pageSize(5).build())
                    .toList());
            for (String label : labels) {
                attempt(failures, () -> {
                    client.participants().delete(conferenceSid, label);
                    return label;
                });
            }
            List<Row> rows = rows(meters);
            int calls = (int) meters.find(DefaultCallObservationConvention.NAME).timers().stream()
                    .mapToLong(Timer::count).sum();
            int injected = emulator.faults().injectedCount();
            out.printf("%n[%s] %d calls, %d faults injected, failed calls: %s%n", transport, calls, injected,
                    failures.isEmpty() ? "none" : failures);
            print(rows, out);
            return new Run(calls, failures, injected, rows);
        } finally {
            emulator.faults().clear();
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    /** Runs one call; a failure is counted by type (what a service would log) and gives {@code null}. */
    private static <T> T attempt(Map<String, Integer> failures, Call<T> call) {
        try {
            return call.call();
        } catch (java.util.concurrent.ExecutionException failed) {
            failures.merge(failed.getCause().getClass().getSimpleName(), 1, Integer::sum);
        } catch (ConclaveException failed) {
            failures.merge(failed.getClass().getSimpleName(), 1, Integer::sum);
        } catch (Exception unexpected) {
            throw new IllegalStateException("the workload failed unexpectedly", unexpected);
        }
        return null;
    }

    /** Every meter as a row, sorted by name and tags. */
    static List<Row> rows(MeterRegistry meters) {
        List<Row> rows = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            String tags = meter.getId().getTags().stream().map(MetricsExample::tag).collect(Collectors.joining(" "));
            String figures;
            if (meter instanceof Timer timer) {
                figures = String.format("count %d, total %.1f ms, max %.1f ms", timer.count(),
                        timer.totalTime(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
            } else if (meter instanceof Counter counter) {
                figures = String.format("count %.0f", counter.count());
            } else if (meter instanceof Gauge gauge) {
                figures = String.format("value %.0f", gauge.value());
            } else {
                continue; // long task timers of the meter handler: always 0 once the workload is done
            }
            rows.add(new Row(meter.getId().getName(), tags, figures));
        }
        rows.sort(Comparator.comparing(Row::name).thenComparing(Row::tags));
        return rows;
    }

    private static String tag(Tag tag) {
        return tag.getKey() + '=' + tag.getValue();
    }

    private static void print(List<Row> rows, PrintStream out) {
        int nameWidth = rows.stream().mapToInt(row -> row.name().length()).max().orElse(5);
        int figuresWidth = rows.stream().mapToInt(row -> row.figures().length()).max().orElse(7);
        // Tags last: the uri template makes them the widest column.
        String format = "%-" + nameWidth + "s  %-" + figuresWidth + "s  %s%n";
        out.printf(format, "METER", "FIGURES", "TAGS");
        for (Row row : rows) {
            out.printf(format, row.name(), row.figures(), row.tags());
        }
    }
}
