package dev.conclave.internal.observation;

import dev.conclave.internal.concurrent.Futures;
import dev.conclave.internal.chain.CallContext;
import dev.conclave.Operation;
import dev.conclave.http.TransportException;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.HttpTransport;
import dev.conclave.observation.ConclaveMeters;
import dev.conclave.observation.DefaultHttpAttemptObservationConvention;
import dev.conclave.observation.DefaultCallObservationConvention;
import dev.conclave.observation.HttpAttemptObservationContext;
import dev.conclave.observation.HttpAttemptObservationConvention;
import dev.conclave.observation.CallObservationContext;
import dev.conclave.observation.CallObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A client's observation: the call and attempt observations when it has an {@link ObservationRegistry}, the retry
 * counter and pool gauges when it has a meter registry ({@link ClientMeters}). Without either, every method returns at once and
 * allocates nothing, so an unobserved call pays one null check.
 */
public final class Observability implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.conclave.observation");

    private final ObservationRegistry observations;
    private final ClientMeters meters;
    private final CallObservationConvention callConvention;
    private final HttpAttemptObservationConvention attemptConvention;
    private final String transportName;
    private final java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Sets up the client's observation and registers the pool gauges at once.
     *
     * @param observations the registry for call and attempt observations, or {@code null}
     * @param meters the client's retry counter and pool gauges, or {@code null}
     * @param callConvention replaces the default call convention, or {@code null}
     * @param attemptConvention replaces the default attempt convention, or {@code null}
     * @param transport the client's transport
     * @param clientName the {@value ConclaveMeters#TAG_CLIENT} tag of the pool gauges, or {@code null} for
     *     {@code participants}, {@code participants-2}, ... whichever is free in the meter registry
     * @throws IllegalArgumentException if {@code clientName} already names another client's gauges there
     */
    public Observability(ObservationRegistry observations, ClientMeters meters,
                         CallObservationConvention callConvention,
                         HttpAttemptObservationConvention attemptConvention, HttpTransport transport,
                         String clientName) {
        this.observations = observations;
        this.meters = meters;
        this.callConvention = callConvention;
        this.attemptConvention = attemptConvention;
        this.transportName = transport.name();
        if (meters != null) {
            meters.registerPoolGauges(transport, clientName);
        }
    }

    /**
     * Starts the observation of a call, if the client has a registry that observes anything, and records it in
     * the call's context. A failing handler or convention is logged, and the call goes on unobserved.
     */
    public void startCall(CallContext call) {
        startCall(call, null);
    }

    /**
     * Starts a call's observation, a child of {@code parent} if given (an {@link Observation}: a page a listing
     * reads ahead starts on another thread than the caller's), else of the current one.
     */
    public void startCall(CallContext call, Object parent) {
        ObservationRegistry registry = observations;
        if (registry == null || registry.isNoop()) {
            return;
        }
        try {
            CallObservationContext context = new CallObservationContext(call.operation(),
                    transportName);
            Observation observation = Observation.createNotStarted(callConvention,
                    DefaultCallObservationConvention.INSTANCE, () -> context, registry);
            Observation explicitParent = parent instanceof Observation given ? given : null;
            if (observation.isNoop()) {
                // A predicate turned the call's observation off: its attempts are still observed, as children of
                // what the caller was observing (captured now: retries start on other threads).
                call.observed(null, null, explicitParent != null ? explicitParent : registry.getCurrentObservation());
                return;
            }
            if (explicitParent != null) {
                observation.parentObservation(explicitParent);
            }
            observation.start();
            call.observed(observation, context, observation);
        } catch (RuntimeException | Error failed) {
            handlerFailed(failed);
        }
    }

    /** The observation current on this thread, or {@code null} (also when observations are off). */
    public Object currentObservation() {
        ObservationRegistry registry = observations;
        return registry == null || registry.isNoop() ? null : registry.getCurrentObservation();
    }

    /**
     * Opens the scope of a call's observation on the calling thread.
     *
     * @return the scope, or {@code null} if the call is not observed or a handler failed
     */
    public Observation.Scope openScope(CallContext call) {
        Observation observation = call.observation();
        if (observation == null) {
            return null;
        }
        try {
            return observation.openScope();
        } catch (RuntimeException | Error failed) {
            handlerFailed(failed);
            return null;
        }
    }

    /** Closes a scope {@link #openScope} opened; {@code null} is ignored. */
    public void closeScope(Observation.Scope scope) {
        if (scope != null) {
            try {
                scope.close();
            } catch (RuntimeException | Error failed) {
                handlerFailed(failed);
            }
        }
    }

    /**
     * Stops a call's observation, if it has one and it is still running (a cancellation may race the end). Never
     * throws: the caller completes the call's future right after.
     *
     * @param attempts attempts the call made
     * @param failure what the call failed with, or {@code null} on success
     */
    public void stopCall(CallContext call, int attempts, Throwable failure) {
        Observation observation = call.observation();
        if (observation == null || !call.markObservationStopped()) {
            return;
        }
        try {
            CallObservationContext context = call.observationContext();
            context.attempts(attempts);
            context.status(call.lastStatus());
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        } catch (RuntimeException | Error failed) {
            handlerFailed(failed);
        }
    }

    /**
     * Runs one attempt under its own observation, a child of the call's: starts it (a tracer writes its headers
     * into the carrier then, and they are added to the request), sends, and stops it when the exchange ends. A
     * failing handler or convention is logged and never changes the attempt's result.
     *
     * @param call the call, with its observation
     * @param attempt the attempt's number
     * @param request the request entering the chain
     * @param exchange sends a request through the chain
     */
    public CompletableFuture<HttpResponse> observeAttempt(CallContext call, int attempt, HttpRequest request,
            Function<HttpRequest, CompletableFuture<HttpResponse>> exchange) {
        HttpAttemptObservationContext context = new HttpAttemptObservationContext(request, call.operation(),
                call.operation().uriTemplate(), transportName, attempt);
        Observation observation;
        HttpRequest sent = request;
        try {
            observation = Observation.createNotStarted(attemptConvention,
                    DefaultHttpAttemptObservationConvention.INSTANCE, () -> context, observations);
            if (call.attemptParent() != null) {
                observation.parentObservation(call.attemptParent());
            }
            observation.start();
            HttpHeaders propagated = context.getCarrier().build();
            if (propagated.size() > 0) {
                HttpHeaders.Builder merged = request.headers().toBuilder();
                propagated.forEach(merged::set);
                sent = request.withHeaders(merged.build());
            }
        } catch (RuntimeException | Error failed) {
            handlerFailed(failed);
            return exchange.apply(request);
        }
        CompletableFuture<HttpResponse> result;
        Observation.Scope scope = null;
        try {
            scope = observation.openScope();
        } catch (RuntimeException | Error failed) {
            handlerFailed(failed);
        }
        try {
            result = exchange.apply(sent);
        } finally {
            closeScope(scope);
        }
        Observation started = observation;
        CompletableFuture<HttpResponse> observed = new CompletableFuture<>();
        result.whenComplete((response, failure) -> {
            // Stopped before the attempt goes on, so that the observation has ended when the caller sees the result;
            // whatever a handler throws, the attempt's own outcome is passed on unchanged.
            try {
                if (failure != null) {
                    started.error(attemptFailure(call, attempt, failure));
                } else {
                    context.setResponse(response);
                }
                started.stop();
            } catch (RuntimeException | Error failed) {
                handlerFailed(failed);
            } finally {
                if (failure != null) {
                    observed.completeExceptionally(failure);
                } else {
                    observed.complete(response);
                }
            }
        });
        return observed;
    }

    /** An attempt that core aborted at its timeout was cancelled; its observation records the timeout instead. */
    private static Throwable attemptFailure(CallContext call, int attempt, Throwable failure) {
        Throwable cause = Futures.strip(failure);
        if (cause instanceof java.util.concurrent.CancellationException && call.isAborted(attempt)) {
            return new TransportException(TransportException.Reason.RESPONSE_TIMEOUT, "the attempt did not complete "
                    + "within its timeout", cause);
        }
        return Futures.cause(cause);
    }

    /**
     * What a call's future failed with, for its observation: as the caller sees it, except that a timeout the
     * caller set on the future ({@code orTimeout}) stays a {@link java.util.concurrent.TimeoutException}.
     */
    public static Throwable callFailure(Throwable failure) {
        Throwable cause = Futures.strip(failure);
        return cause instanceof java.util.concurrent.TimeoutException ? cause : Futures.cause(cause);
    }

    private void handlerFailed(Throwable failed) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("an observation handler or convention failed; calls go on, unobserved where it failed (later "
                    + "failures are logged at DEBUG)", failed);
        } else {
            LOG.debug("an observation handler or convention failed", failed);
        }
    }

    /**
     * Counts a retry about to be made, by operation and reason, if the client has a meter registry.
     *
     * @param reason the retry rules' reason, e.g. {@code HTTP 503} or {@code CONNECTION_CLOSED}; tagged in lower
     *     case with {@code _} for spaces ({@code http_503}, {@code connection_closed})
     */
    public void retried(Operation operation, String reason) {
        if (meters != null) {
            meters.retried(operation, reason);
        }
    }

    /** Removes the pool gauges from the meter registry. */
    @Override
    public void close() {
        if (meters != null) {
            meters.close();
        }
    }
}
