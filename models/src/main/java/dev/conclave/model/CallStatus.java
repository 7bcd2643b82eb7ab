package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a call as a participant status callback reports it ({@code CallStatus}).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class CallStatus extends WireValue {
    /** {@code queued}: Waiting to be placed. */
    public static final CallStatus QUEUED = new CallStatus("queued");

    /** {@code initiated}: Twilio started dialling. */
    public static final CallStatus INITIATED = new CallStatus("initiated");

    /** {@code ringing}: The phone is ringing. */
    public static final CallStatus RINGING = new CallStatus("ringing");

    /** {@code in-progress}: The call was answered and is connected. */
    public static final CallStatus IN_PROGRESS = new CallStatus("in-progress");

    /** {@code completed}: The call was answered and has ended. */
    public static final CallStatus COMPLETED = new CallStatus("completed");

    /** {@code busy}: The line was busy. */
    public static final CallStatus BUSY = new CallStatus("busy");

    /** {@code failed}: The call could not be placed. */
    public static final CallStatus FAILED = new CallStatus("failed");

    /** {@code no-answer}: Nobody answered. */
    public static final CallStatus NO_ANSWER = new CallStatus("no-answer");

    /** {@code canceled}: The call was cancelled before it was answered. */
    public static final CallStatus CANCELED = new CallStatus("canceled");

    private static final List<CallStatus> KNOWN = List.of(QUEUED, INITIATED, RINGING, IN_PROGRESS, COMPLETED, BUSY, FAILED, NO_ANSWER, CANCELED);
    private static final Map<String, CallStatus> BY_VALUE = WireValues.index(KNOWN);

    private CallStatus(String value) {
        super("CallStatus", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static CallStatus of(String value) {
        CallStatus known = BY_VALUE.get(Objects.requireNonNull(value, "CallStatus: value must not be null"));
        return known != null ? known : new CallStatus(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<CallStatus> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
