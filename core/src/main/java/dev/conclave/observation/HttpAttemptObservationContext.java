package dev.conclave.observation;

import dev.conclave.Operation;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import io.micrometer.observation.transport.RequestReplySenderContext;

/**
 * What the observation of one attempt (one HTTP exchange through the chain and the transport) knows: the
 * request as it entered the chain, the operation, its URI template, the transport and the attempt's number; the
 * response when one arrived ({@link #getResponse()}), else the failure ({@link #getError()}).
 *
 * <p>The carrier is a header builder: a tracing handler (e.g. Micrometer Tracing's
 * {@code PropagatingSenderTracingObservationHandler}) writes the trace context into it when the observation
 * starts, and the client adds those headers to the request it sends.
 */
public final class HttpAttemptObservationContext extends RequestReplySenderContext<HttpHeaders.Builder, HttpResponse> {
    private final HttpRequest request;
    private final Operation operation;
    private final String uriTemplate;
    private final String transportName;
    private final int attempt;

    /**
     * Creates the context of an attempt about to start, with an empty carrier.
     *
     * @param request the request as it enters the chain (before authentication is added)
     * @param operation the API operation
     * @param uriTemplate the path template, e.g.
     *     {@code /2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json}
     * @param transportName the transport's {@link dev.conclave.http.HttpTransport#name()}
     * @param attempt the attempt's number within its call, from 1
     */
    public HttpAttemptObservationContext(HttpRequest request, Operation operation, String uriTemplate,
                                         String transportName, int attempt) {
        super((carrier, key, value) -> carrier.set(key, value));
        this.request = request;
        this.operation = operation;
        this.uriTemplate = uriTemplate;
        this.transportName = transportName;
        this.attempt = attempt;
        setCarrier(HttpHeaders.builder());
        setRemoteServiceName("twilio");
    }

    /**
     * The request as it entered the chain. Its URI holds SIDs, labels and queries: never use it for a
     * low-cardinality tag.
     *
     * @return the request as it entered the chain
     */
    public HttpRequest request() {
        return request;
    }

    /** {@return the API operation} */
    public Operation operation() {
        return operation;
    }

    /** {@return the path template of the request, relative to the base URI, with no SID, label or query in it} */
    public String uriTemplate() {
        return uriTemplate;
    }

    /** {@return the transport's name, e.g. {@code apache}; the {@code client.name} tag} */
    public String transportName() {
        return transportName;
    }

    /** {@return the attempt's number within its call, from 1} */
    public int attempt() {
        return attempt;
    }
}
