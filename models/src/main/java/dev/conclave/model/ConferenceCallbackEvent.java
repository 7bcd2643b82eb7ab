package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conference event that triggers {@code ConferenceStatusCallback} ({@code ConferenceStatusCallbackEvent}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class ConferenceCallbackEvent extends WireValue {
    /** {@code start}: The conference started. */
    public static final ConferenceCallbackEvent START = new ConferenceCallbackEvent("start");

    /** {@code end}: The conference ended. */
    public static final ConferenceCallbackEvent END = new ConferenceCallbackEvent("end");

    /** {@code join}: A participant joined. */
    public static final ConferenceCallbackEvent JOIN = new ConferenceCallbackEvent("join");

    /** {@code leave}: A participant left. */
    public static final ConferenceCallbackEvent LEAVE = new ConferenceCallbackEvent("leave");

    /** {@code mute}: A participant was muted or unmuted. */
    public static final ConferenceCallbackEvent MUTE = new ConferenceCallbackEvent("mute");

    /** {@code hold}: A participant was held or unheld. */
    public static final ConferenceCallbackEvent HOLD = new ConferenceCallbackEvent("hold");

    /** {@code modify}: A participant's settings changed. */
    public static final ConferenceCallbackEvent MODIFY = new ConferenceCallbackEvent("modify");

    /** {@code speaker}: A participant started or stopped speaking. */
    public static final ConferenceCallbackEvent SPEAKER = new ConferenceCallbackEvent("speaker");

    /** {@code announcement}: An announcement ended or failed. */
    public static final ConferenceCallbackEvent ANNOUNCEMENT = new ConferenceCallbackEvent("announcement");

    private static final List<ConferenceCallbackEvent> KNOWN = List.of(START, END, JOIN, LEAVE, MUTE, HOLD, MODIFY, SPEAKER, ANNOUNCEMENT);
    private static final Map<String, ConferenceCallbackEvent> BY_VALUE = WireValues.index(KNOWN);

    private ConferenceCallbackEvent(String value) {
        super("ConferenceCallbackEvent", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static ConferenceCallbackEvent of(String value) {
        ConferenceCallbackEvent known = BY_VALUE.get(Objects.requireNonNull(value, "ConferenceCallbackEvent: value must not be null"));
        return known != null ? known : new ConferenceCallbackEvent(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<ConferenceCallbackEvent> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
