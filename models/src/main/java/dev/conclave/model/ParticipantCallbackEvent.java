package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call progress event that triggers the participant's {@code StatusCallback} ({@code StatusCallbackEvent}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class ParticipantCallbackEvent extends WireValue {
    /** {@code initiated}: The call was placed. */
    public static final ParticipantCallbackEvent INITIATED = new ParticipantCallbackEvent("initiated");

    /** {@code ringing}: The phone is ringing. */
    public static final ParticipantCallbackEvent RINGING = new ParticipantCallbackEvent("ringing");

    /** {@code answered}: The call was answered. */
    public static final ParticipantCallbackEvent ANSWERED = new ParticipantCallbackEvent("answered");

    /** {@code completed}: The call ended (Twilio's default event). */
    public static final ParticipantCallbackEvent COMPLETED = new ParticipantCallbackEvent("completed");

    private static final List<ParticipantCallbackEvent> KNOWN = List.of(INITIATED, RINGING, ANSWERED, COMPLETED);
    private static final Map<String, ParticipantCallbackEvent> BY_VALUE = WireValues.index(KNOWN);

    private ParticipantCallbackEvent(String value) {
        super("ParticipantCallbackEvent", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static ParticipantCallbackEvent of(String value) {
        ParticipantCallbackEvent known = BY_VALUE.get(Objects.requireNonNull(value, "ParticipantCallbackEvent: value must not be null"));
        return known != null ? known : new ParticipantCallbackEvent(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<ParticipantCallbackEvent> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
