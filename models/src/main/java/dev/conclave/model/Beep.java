package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a beep plays to the conference when the participant joins or leaves ({@code Beep}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class Beep extends WireValue {
    /** {@code true}: Beep on enter and exit (Twilio's default). */
    public static final Beep TRUE = new Beep("true");

    /** {@code false}: Never beep. */
    public static final Beep FALSE = new Beep("false");

    /** {@code onEnter}: Beep only when the participant joins. */
    public static final Beep ON_ENTER = new Beep("onEnter");

    /** {@code onExit}: Beep only when the participant leaves. */
    public static final Beep ON_EXIT = new Beep("onExit");

    private static final List<Beep> KNOWN = List.of(TRUE, FALSE, ON_ENTER, ON_EXIT);
    private static final Map<String, Beep> BY_VALUE = WireValues.index(KNOWN);

    private Beep(String value) {
        super("Beep", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static Beep of(String value) {
        Beep known = BY_VALUE.get(Objects.requireNonNull(value, "Beep: value must not be null"));
        return known != null ? known : new Beep(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<Beep> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
