package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether leading and trailing silence is cut from a recording ({@code Trim}, {@code ConferenceTrim}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class Trim extends WireValue {
    /** {@code trim-silence}: Cut silence (Twilio's default). */
    public static final Trim TRIM_SILENCE = new Trim("trim-silence");

    /** {@code do-not-trim}: Keep the recording whole. */
    public static final Trim DO_NOT_TRIM = new Trim("do-not-trim");

    private static final List<Trim> KNOWN = List.of(TRIM_SILENCE, DO_NOT_TRIM);
    private static final Map<String, Trim> BY_VALUE = WireValues.index(KNOWN);

    private Trim(String value) {
        super("Trim", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static Trim of(String value) {
        Trim known = BY_VALUE.get(Objects.requireNonNull(value, "Trim: value must not be null"));
        return known != null ? known : new Trim(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<Trim> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
