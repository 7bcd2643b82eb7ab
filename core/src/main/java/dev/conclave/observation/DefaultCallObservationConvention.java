package dev.conclave.observation;

import dev.conclave.ApiException;
import dev.conclave.http.TransportException;
import io.micrometer.common.KeyValues;

/**
 * The default naming of call observations: name {@value #NAME}, contextual (span) name
 * {@code <resource> <operation>} (e.g. {@code participants create}), and only low-cardinality tags, none of which
 * ever holds a SID, label, phone number or query:
 * <ul>
 *   <li>{@code resource}: the operation's resource, e.g. {@code participants};</li>
 *   <li>{@code operation}: {@code create}, {@code fetch}, {@code list} (one page), {@code update}, {@code delete};</li>
 *   <li>{@code outcome}: {@code SUCCESS} when the call returned normally; for an API error (an
 *       {@link ApiException}) {@code CLIENT_ERROR} (4xx) or {@code SERVER_ERROR} (5xx); else {@code UNKNOWN} (no
 *       usable response: transport failure, undecodable body, cancellation, even after an error status);</li>
 *   <li>{@code status}: the last HTTP status received, or {@code NONE};</li>
 *   <li>{@code error.type}: {@code none}; for a {@link TransportException} its reason (e.g.
 *       {@code RESPONSE_TIMEOUT}); for any other failure the exception's simple class name (e.g.
 *       {@code NotFoundException});</li>
 *   <li>{@code attempts}: how many attempts the call made, {@code 1} to the retry policy's maximum.</li>
 * </ul>
 */
public class DefaultCallObservationConvention implements CallObservationConvention {
    /** The observation's name, and so the timer's: {@value}. */
    public static final String NAME = "conclave.calls";

    /** The shared instance; the class holds no state. */
    public static final DefaultCallObservationConvention INSTANCE =
            new DefaultCallObservationConvention();

    /** Creates the convention; subclass it to change some tags. */
    public DefaultCallObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CallObservationContext context) {
        return context.operation().resource() + " " + context.operation().name();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
        Throwable error = context.getError();
        int status = context.status();
        return KeyValues.of(
                "resource", context.operation().resource(),
                "operation", context.operation().name(),
                "outcome", error == null ? "SUCCESS"
                        : error instanceof ApiException api ? HttpOutcomes.outcome(api.httpStatus()) : "UNKNOWN",
                "status", status == 0 ? "NONE" : Integer.toString(status),
                "error.type", errorType(error),
                "attempts", Integer.toString(context.attempts()));
    }

    /**
     * The {@code error.type} tag of a failure: {@code none}, a transport failure's reason, else the simple class
     * name.
     *
     * @param error the call's failure, or {@code null}
     * @return a low-cardinality value
     */
    protected String errorType(Throwable error) {
        if (error == null) {
            return "none";
        }
        if (error instanceof TransportException transport) {
            return transport.reason().name();
        }
        String simple = error.getClass().getSimpleName();
        return simple.isEmpty() ? error.getClass().getName() : simple;
    }
}
