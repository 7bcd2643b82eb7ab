package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the conference the participant joins is recorded ({@code ConferenceRecord}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class ConferenceRecord extends WireValue {
    /** {@code true}: Record the conference. */
    public static final ConferenceRecord TRUE = new ConferenceRecord("true");

    /** {@code false}: Do not record (Twilio's default). */
    public static final ConferenceRecord FALSE = new ConferenceRecord("false");

    /** {@code record-from-start}: Record from the moment the conference starts. */
    public static final ConferenceRecord RECORD_FROM_START = new ConferenceRecord("record-from-start");

    /** {@code do-not-record}: Do not record. */
    public static final ConferenceRecord DO_NOT_RECORD = new ConferenceRecord("do-not-record");

    private static final List<ConferenceRecord> KNOWN = List.of(TRUE, FALSE, RECORD_FROM_START, DO_NOT_RECORD);
    private static final Map<String, ConferenceRecord> BY_VALUE = WireValues.index(KNOWN);

    private ConferenceRecord(String value) {
        super("ConferenceRecord", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static ConferenceRecord of(String value) {
        ConferenceRecord known = BY_VALUE.get(Objects.requireNonNull(value, "ConferenceRecord: value must not be null"));
        return known != null ? known : new ConferenceRecord(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<ConferenceRecord> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
