package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which audio track of the call is recorded ({@code RecordingTrack}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class RecordingTrack extends WireValue {
    /** {@code inbound}: Audio received by Twilio. */
    public static final RecordingTrack INBOUND = new RecordingTrack("inbound");

    /** {@code outbound}: Audio sent by Twilio. */
    public static final RecordingTrack OUTBOUND = new RecordingTrack("outbound");

    /** {@code both}: Both directions (Twilio's default). */
    public static final RecordingTrack BOTH = new RecordingTrack("both");

    private static final List<RecordingTrack> KNOWN = List.of(INBOUND, OUTBOUND, BOTH);
    private static final Map<String, RecordingTrack> BY_VALUE = WireValues.index(KNOWN);

    private RecordingTrack(String value) {
        super("RecordingTrack", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static RecordingTrack of(String value) {
        RecordingTrack known = BY_VALUE.get(Objects.requireNonNull(value, "RecordingTrack: value must not be null"));
        return known != null ? known : new RecordingTrack(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<RecordingTrack> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
