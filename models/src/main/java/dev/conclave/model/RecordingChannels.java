package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many channels the final recording has ({@code RecordingChannels}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class RecordingChannels extends WireValue {
    /** {@code mono}: One channel (Twilio's default). */
    public static final RecordingChannels MONO = new RecordingChannels("mono");

    /** {@code dual}: Two channels, one per call leg. */
    public static final RecordingChannels DUAL = new RecordingChannels("dual");

    private static final List<RecordingChannels> KNOWN = List.of(MONO, DUAL);
    private static final Map<String, RecordingChannels> BY_VALUE = WireValues.index(KNOWN);

    private RecordingChannels(String value) {
        super("RecordingChannels", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static RecordingChannels of(String value) {
        RecordingChannels known = BY_VALUE.get(Objects.requireNonNull(value, "RecordingChannels: value must not be null"));
        return known != null ? known : new RecordingChannels(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<RecordingChannels> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
