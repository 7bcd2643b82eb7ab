package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conference recording state change that triggers {@code ConferenceRecordingStatusCallback} ({@code ConferenceRecordingStatusCallbackEvent}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class ConferenceRecordingCallbackEvent extends WireValue {
    /** {@code in-progress}: Recording is in progress. */
    public static final ConferenceRecordingCallbackEvent IN_PROGRESS = new ConferenceRecordingCallbackEvent("in-progress");

    /** {@code completed}: The recording is available. */
    public static final ConferenceRecordingCallbackEvent COMPLETED = new ConferenceRecordingCallbackEvent("completed");

    /** {@code failed}: Recording failed. */
    public static final ConferenceRecordingCallbackEvent FAILED = new ConferenceRecordingCallbackEvent("failed");

    /** {@code absent}: No audio was recorded. */
    public static final ConferenceRecordingCallbackEvent ABSENT = new ConferenceRecordingCallbackEvent("absent");

    private static final List<ConferenceRecordingCallbackEvent> KNOWN = List.of(IN_PROGRESS, COMPLETED, FAILED, ABSENT);
    private static final Map<String, ConferenceRecordingCallbackEvent> BY_VALUE = WireValues.index(KNOWN);

    private ConferenceRecordingCallbackEvent(String value) {
        super("ConferenceRecordingCallbackEvent", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static ConferenceRecordingCallbackEvent of(String value) {
        ConferenceRecordingCallbackEvent known = BY_VALUE.get(Objects.requireNonNull(value, "ConferenceRecordingCallbackEvent: value must not be null"));
        return known != null ? known : new ConferenceRecordingCallbackEvent(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<ConferenceRecordingCallbackEvent> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
