package dev.conclave.internal;

import dev.conclave.ApiException;
import dev.conclave.Operation;
import dev.conclave.TransportException;
import dev.conclave.http.ConnectionPoolStats;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.HttpTransport;
import dev.conclave.observation.ConclaveMeters;
import dev.conclave.observation.DefaultHttpAttemptObservationConvention;
import dev.conclave.observation.DefaultParticipantCallObservationConvention;
import dev.conclave.observation.HttpAttemptObservationContext;
import dev.conclave.observation.HttpAttemptObservationConvention;
import dev.conclave.observation.ParticipantCallObservationContext;
import dev.conclave.observation.ParticipantCallObservationConvention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A client's observation: the call and attempt observations when it has an {@link ObservationRegistry}, the retry
 * counter and pool gauges when it has a {@link MeterRegistry}. Without either, every method returns at once and
 * allocates nothing, so an unobserved call pays one null check.
 */
public final class Observability implements AutoCloseable {
    /** The path template of create and list. */
    public static final String PARTICIPANTS_TEMPLATE =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json";
    /** The path template of fetch, update and delete. */
    public static final String PARTICIPANT_TEMPLATE =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final ParticipantCallObservationConvention callConvention;
    private final HttpAttemptObservationConvention attemptConvention;
    private final String transportName;
    private final List<Meter> gauges = new ArrayList<>(4);

    /**
     * Sets up the client's observation and registers the pool gauges at once.
     *
     * @param observations the registry for call and attempt observations, or {@code null}
     * @param meters the registry for the retry counter and pool gauges, or {@code null}
     * @param callConvention replaces the default call convention, or {@code null}
     * @param attemptConvention replaces the default attempt convention, or {@code null}
     * @param transport the client's transport
     * @param clientName the {@value ConclaveMeters#TAG_CLIENT} tag of the pool gauges
     */
    public Observability(ObservationRegistry observations, MeterRegistry meters,
                         ParticipantCallObservationConvention callConvention,
                         HttpAttemptObservationConvention attemptConvention, HttpTransport transport,
                         String clientName) {
        this.observations = observations;
        this.meters = meters;
        this.callConvention = callConvention;
        this.attemptConvention = attemptConvention;
        this.transportName = transport.name();
        if (meters != null && transport.poolStats().isPresent()) {
            Tags tags = Tags.of(ConclaveMeters.TAG_TRANSPORT, transportName, ConclaveMeters.TAG_CLIENT, clientName);
            gauges.add(poolGauge(ConclaveMeters.POOL_LEASED, "connections lent out to exchanges", "connections",
                    transport, ConnectionPoolStats::leased, tags));
            gauges.add(poolGauge(ConclaveMeters.POOL_IDLE, "open connections idle in the pool", "connections",
                    transport, ConnectionPoolStats::idle, tags));
            gauges.add(poolGauge(ConclaveMeters.POOL_PENDING, "exchanges waiting for a connection", "requests",
                    transport, ConnectionPoolStats::pending, tags));
            gauges.add(poolGauge(ConclaveMeters.POOL_MAX, "most connections open at once", "connections",
                    transport, ConnectionPoolStats::max, tags));
        }
    }

    private Gauge poolGauge(String name, String description, String unit, HttpTransport transport,
                            ToIntFunction<ConnectionPoolStats> count, Tags tags) {
        // Held weakly (Micrometer's default): a client dropped without close() does not pin its transport.
        return Gauge.builder(name, transport, t -> t.poolStats().map(count::applyAsInt).orElse(0).doubleValue())
                .description(description).baseUnit(unit).tags(tags).register(meters);
    }

    /**
     * Starts the observation of a call, if the client has a registry that observes anything, and records it in
     * the call's context.
     */
    public void startCall(CallContext call) {
        ObservationRegistry registry = observations;
        if (registry == null || registry.isNoop()) {
            return;
        }
        ParticipantCallObservationContext context = new ParticipantCallObservationContext(call.operation(),
                transportName);
        Observation observation = Observation.createNotStarted(callConvention,
                DefaultParticipantCallObservationConvention.INSTANCE, () -> context, registry).start();
        call.observed(observation, context);
    }

    /**
     * Stops a call's observation, if it has one and it is still running (a cancellation may race the end).
     *
     * @param attempts attempts the call made
     * @param failure what the call failed with, or {@code null} on success
     */
    public static void stopCall(CallContext call, int attempts, Throwable failure) {
        Observation observation = call.observation();
        if (observation == null || !call.markObservationStopped()) {
            return;
        }
        ParticipantCallObservationContext context = call.observationContext();
        context.attempts(attempts);
        context.status(call.lastStatus());
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }

    /**
     * Runs one attempt under its own observation, a child of the call's: starts it (a tracer writes its headers
     * into the carrier then, and they are added to the request), sends, and stops it when the exchange ends.
     *
     * @param call the call, with its observation
     * @param attempt the attempt's number
     * @param request the request entering the chain
     * @param exchange sends a request through the chain
     */
    public CompletableFuture<HttpResponse> observeAttempt(CallContext call, int attempt, HttpRequest request,
            Function<HttpRequest, CompletableFuture<HttpResponse>> exchange) {
        HttpAttemptObservationContext context = new HttpAttemptObservationContext(request, call.operation(),
                uriTemplate(call.operation()), transportName, attempt);
        Observation observation = Observation.createNotStarted(attemptConvention,
                DefaultHttpAttemptObservationConvention.INSTANCE, () -> context, observations)
                .parentObservation(call.observation())
                .start();
        HttpHeaders propagated = context.getCarrier().build();
        HttpRequest sent = request;
        if (propagated.size() > 0) {
            HttpHeaders.Builder merged = request.headers().toBuilder();
            propagated.forEach(merged::set);
            sent = request.withHeaders(merged.build());
        }
        CompletableFuture<HttpResponse> result;
        try (Observation.Scope scope = observation.openScope()) {
            result = exchange.apply(sent);
        }
        return result.whenComplete((response, failure) -> {
            if (failure != null) {
                observation.error(Futures.cause(failure));
            } else {
                context.setResponse(response);
            }
            observation.stop();
        });
    }

    /** Counts a retry about to be made, by operation and reason, if the client has a meter registry. */
    public void retried(Operation operation, Throwable failure) {
        if (meters == null) {
            return;
        }
        Counter.builder(ConclaveMeters.RETRIES)
                .description("attempts sent again after a failed attempt")
                .tag("operation", operation.name().toLowerCase(Locale.ROOT))
                .tag("reason", retryReason(failure))
                .register(meters)
                .increment();
    }

    /** A low-cardinality reason: {@code http_<status>} for an API error, the reason in lower case for a transport one. */
    static String retryReason(Throwable failure) {
        if (failure instanceof ApiException api) {
            return "http_" + api.httpStatus();
        }
        if (failure instanceof TransportException transport) {
            return transport.reason().name().toLowerCase(Locale.ROOT);
        }
        return "other";
    }

    private static String uriTemplate(Operation operation) {
        return operation == Operation.CREATE || operation == Operation.LIST ? PARTICIPANTS_TEMPLATE
                : PARTICIPANT_TEMPLATE;
    }

    /** Removes the pool gauges from the meter registry. */
    @Override
    public void close() {
        for (Meter gauge : gauges) {
            meters.remove(gauge);
        }
        gauges.clear();
    }
}
