package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The jitter buffer applied to the participant's audio before mixing ({@code JitterBufferSize}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class JitterBufferSize extends WireValue {
    /** {@code off}: No jitter buffer. */
    public static final JitterBufferSize OFF = new JitterBufferSize("off");

    /** {@code small}: A small buffer. */
    public static final JitterBufferSize SMALL = new JitterBufferSize("small");

    /** {@code medium}: A medium buffer. */
    public static final JitterBufferSize MEDIUM = new JitterBufferSize("medium");

    /** {@code large}: A large buffer (Twilio's default). */
    public static final JitterBufferSize LARGE = new JitterBufferSize("large");

    private static final List<JitterBufferSize> KNOWN = List.of(OFF, SMALL, MEDIUM, LARGE);
    private static final Map<String, JitterBufferSize> BY_VALUE = WireValues.index(KNOWN);

    private JitterBufferSize(String value) {
        super("JitterBufferSize", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static JitterBufferSize of(String value) {
        JitterBufferSize known = BY_VALUE.get(Objects.requireNonNull(value, "JitterBufferSize: value must not be null"));
        return known != null ? known : new JitterBufferSize(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<JitterBufferSize> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
