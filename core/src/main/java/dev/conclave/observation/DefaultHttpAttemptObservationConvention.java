package dev.conclave.observation;

import dev.conclave.http.TransportException;
import dev.conclave.http.HttpResponse;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The default naming of attempt observations, after Micrometer's HTTP client convention: name {@value #NAME},
 * contextual (span) name {@code http <method>}, and only low-cardinality tags:
 * <ul>
 *   <li>{@code method}: {@code GET}, {@code POST}, {@code DELETE};</li>
 *   <li>{@code uri}: the path template (never the raw path, which holds SIDs and labels);</li>
 *   <li>{@code status}: the response's status code; with no response {@code IO_ERROR} for a transport failure,
 *       else {@code CLIENT_ERROR};</li>
 *   <li>{@code outcome}: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, ... from the status, or
 *       {@code UNKNOWN} without a response;</li>
 *   <li>{@code exception}: the failure's simple class name, or {@code none} (an error response is not a
 *       failure of the exchange);</li>
 *   <li>{@code client.name}: the transport, e.g. {@code apache} or {@code netty}.</li>
 * </ul>
 * These are the keys of Spring's and Micrometer's own HTTP client timers, so that the timers of this client and of
 * others in the same application can share the name {@value #NAME} (Prometheus wants one set of keys per name).
 * The operation goes to spans only, as the high-cardinality key {@code operation} (its values are few, but it is
 * not one of those keys).
 */
public class DefaultHttpAttemptObservationConvention implements HttpAttemptObservationConvention {
    /** The observation's name, and so the timer's: {@value}, as Micrometer's HTTP client instrumentations. */
    public static final String NAME = "http.client.requests";

    /** The shared instance; the class holds no state. */
    public static final DefaultHttpAttemptObservationConvention INSTANCE = new DefaultHttpAttemptObservationConvention();

    /** Creates the convention; subclass it to change some tags. */
    public DefaultHttpAttemptObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(HttpAttemptObservationContext context) {
        return "http " + context.request().method().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(HttpAttemptObservationContext context) {
        HttpResponse response = context.getResponse();
        Throwable error = context.getError();
        String status;
        if (response != null) {
            status = Integer.toString(response.status());
        } else {
            status = error instanceof TransportException ? "IO_ERROR" : "CLIENT_ERROR";
        }
        return KeyValues.of(
                "method", context.request().method().name(),
                "uri", context.uriTemplate(),
                "status", status,
                "outcome", response == null ? "UNKNOWN" : HttpOutcomes.outcome(response.status()),
                "exception", error == null ? "none" : simpleName(error),
                "client.name", context.transportName());
    }

    /** The API operation, {@code operation} ({@code create} ... {@code delete}): on spans, not on the timer. */
    @Override
    public KeyValues getHighCardinalityKeyValues(HttpAttemptObservationContext context) {
        return KeyValues.of("resource", context.operation().resource(), "operation", context.operation().name());
    }

    private static String simpleName(Throwable error) {
        String simple = error.getClass().getSimpleName();
        return simple.isEmpty() ? error.getClass().getName() : simple;
    }
}
