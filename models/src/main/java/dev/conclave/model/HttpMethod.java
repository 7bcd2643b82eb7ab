package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP method Twilio uses to call one of your URLs (status callbacks, wait, hold, announce).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class HttpMethod extends WireValue {
    /** {@code GET}: Twilio sends a GET with the data as query parameters. */
    public static final HttpMethod GET = new HttpMethod("GET");

    /** {@code POST}: Twilio sends a POST with a form body. */
    public static final HttpMethod POST = new HttpMethod("POST");

    private static final List<HttpMethod> KNOWN = List.of(GET, POST);
    private static final Map<String, HttpMethod> BY_VALUE = WireValues.index(KNOWN);

    private HttpMethod(String value) {
        super("HttpMethod", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static HttpMethod of(String value) {
        HttpMethod known = BY_VALUE.get(Objects.requireNonNull(value, "HttpMethod: value must not be null"));
        return known != null ? known : new HttpMethod(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<HttpMethod> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
