package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A recording state change that triggers {@code RecordingStatusCallback} ({@code RecordingStatusCallbackEvent}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class RecordingCallbackEvent extends WireValue {
    /** {@code started}: Recording started. */
    public static final RecordingCallbackEvent STARTED = new RecordingCallbackEvent("started");

    /** {@code in-progress}: Recording is in progress. */
    public static final RecordingCallbackEvent IN_PROGRESS = new RecordingCallbackEvent("in-progress");

    /** {@code paused}: Recording paused. */
    public static final RecordingCallbackEvent PAUSED = new RecordingCallbackEvent("paused");

    /** {@code resumed}: Recording resumed. */
    public static final RecordingCallbackEvent RESUMED = new RecordingCallbackEvent("resumed");

    /** {@code stopped}: Recording stopped. */
    public static final RecordingCallbackEvent STOPPED = new RecordingCallbackEvent("stopped");

    /** {@code completed}: The recording is available. */
    public static final RecordingCallbackEvent COMPLETED = new RecordingCallbackEvent("completed");

    /** {@code failed}: Recording failed. */
    public static final RecordingCallbackEvent FAILED = new RecordingCallbackEvent("failed");

    /** {@code absent}: No audio was recorded. */
    public static final RecordingCallbackEvent ABSENT = new RecordingCallbackEvent("absent");

    private static final List<RecordingCallbackEvent> KNOWN = List.of(STARTED, IN_PROGRESS, PAUSED, RESUMED, STOPPED, COMPLETED, FAILED, ABSENT);
    private static final Map<String, RecordingCallbackEvent> BY_VALUE = WireValues.index(KNOWN);

    private RecordingCallbackEvent(String value) {
        super("RecordingCallbackEvent", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static RecordingCallbackEvent of(String value) {
        RecordingCallbackEvent known = BY_VALUE.get(Objects.requireNonNull(value, "RecordingCallbackEvent: value must not be null"));
        return known != null ? known : new RecordingCallbackEvent(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<RecordingCallbackEvent> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
