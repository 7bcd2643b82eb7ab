package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a participant's call ({@code status} in responses).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class ParticipantStatus extends WireValue {
    /** {@code queued}: Waiting to be dialled. */
    public static final ParticipantStatus QUEUED = new ParticipantStatus("queued");

    /** {@code connecting}: Being dialled. */
    public static final ParticipantStatus CONNECTING = new ParticipantStatus("connecting");

    /** {@code ringing}: The phone is ringing. */
    public static final ParticipantStatus RINGING = new ParticipantStatus("ringing");

    /** {@code connected}: In the conference. */
    public static final ParticipantStatus CONNECTED = new ParticipantStatus("connected");

    /** {@code complete}: Left the conference. */
    public static final ParticipantStatus COMPLETE = new ParticipantStatus("complete");

    /** {@code failed}: Could not be connected. */
    public static final ParticipantStatus FAILED = new ParticipantStatus("failed");

    private static final List<ParticipantStatus> KNOWN = List.of(QUEUED, CONNECTING, RINGING, CONNECTED, COMPLETE, FAILED);
    private static final Map<String, ParticipantStatus> BY_VALUE = WireValues.index(KNOWN);

    private ParticipantStatus(String value) {
        super("ParticipantStatus", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static ParticipantStatus of(String value) {
        ParticipantStatus known = BY_VALUE.get(Objects.requireNonNull(value, "ParticipantStatus: value must not be null"));
        return known != null ? known : new ParticipantStatus(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<ParticipantStatus> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
