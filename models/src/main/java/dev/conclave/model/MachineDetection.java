package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answering machine detection mode ({@code MachineDetection}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class MachineDetection extends WireValue {
    /** {@code Enable}: Report who answered as soon as it is known. */
    public static final MachineDetection ENABLE = new MachineDetection("Enable");

    /** {@code DetectMessageEnd}: Wait for the end of a machine greeting, to leave a message. */
    public static final MachineDetection DETECT_MESSAGE_END = new MachineDetection("DetectMessageEnd");

    private static final List<MachineDetection> KNOWN = List.of(ENABLE, DETECT_MESSAGE_END);
    private static final Map<String, MachineDetection> BY_VALUE = WireValues.index(KNOWN);

    private MachineDetection(String value) {
        super("MachineDetection", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static MachineDetection of(String value) {
        MachineDetection known = BY_VALUE.get(Objects.requireNonNull(value, "MachineDetection: value must not be null"));
        return known != null ? known : new MachineDetection(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<MachineDetection> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
