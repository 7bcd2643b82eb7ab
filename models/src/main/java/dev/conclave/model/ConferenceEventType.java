package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a conference status callback reports ({@code StatusCallbackEvent} of the callback's parameters).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class ConferenceEventType extends WireValue {
    /** {@code conference-start}: The conference began (its first participant joined). */
    public static final ConferenceEventType CONFERENCE_START = new ConferenceEventType("conference-start");

    /** {@code conference-end}: The conference ended. */
    public static final ConferenceEventType CONFERENCE_END = new ConferenceEventType("conference-end");

    /** {@code participant-join}: A participant joined. */
    public static final ConferenceEventType PARTICIPANT_JOIN = new ConferenceEventType("participant-join");

    /** {@code participant-leave}: A participant left. */
    public static final ConferenceEventType PARTICIPANT_LEAVE = new ConferenceEventType("participant-leave");

    /** {@code participant-mute}: A participant was muted. */
    public static final ConferenceEventType PARTICIPANT_MUTE = new ConferenceEventType("participant-mute");

    /** {@code participant-unmute}: A participant was unmuted. */
    public static final ConferenceEventType PARTICIPANT_UNMUTE = new ConferenceEventType("participant-unmute");

    /** {@code participant-hold}: A participant was put on hold. */
    public static final ConferenceEventType PARTICIPANT_HOLD = new ConferenceEventType("participant-hold");

    /** {@code participant-unhold}: A participant was taken off hold. */
    public static final ConferenceEventType PARTICIPANT_UNHOLD = new ConferenceEventType("participant-unhold");

    /** {@code participant-modify}: A participant was changed otherwise (coaching, exit behaviour...). */
    public static final ConferenceEventType PARTICIPANT_MODIFY = new ConferenceEventType("participant-modify");

    /** {@code participant-speech-start}: A participant started speaking. */
    public static final ConferenceEventType PARTICIPANT_SPEECH_START = new ConferenceEventType("participant-speech-start");

    /** {@code participant-speech-stop}: A participant stopped speaking. */
    public static final ConferenceEventType PARTICIPANT_SPEECH_STOP = new ConferenceEventType("participant-speech-stop");

    /** {@code announcement-end}: An announcement finished playing. */
    public static final ConferenceEventType ANNOUNCEMENT_END = new ConferenceEventType("announcement-end");

    /** {@code announcement-fail}: An announcement could not be played. */
    public static final ConferenceEventType ANNOUNCEMENT_FAIL = new ConferenceEventType("announcement-fail");

    private static final List<ConferenceEventType> KNOWN = List.of(CONFERENCE_START, CONFERENCE_END, PARTICIPANT_JOIN, PARTICIPANT_LEAVE, PARTICIPANT_MUTE, PARTICIPANT_UNMUTE, PARTICIPANT_HOLD, PARTICIPANT_UNHOLD, PARTICIPANT_MODIFY, PARTICIPANT_SPEECH_START, PARTICIPANT_SPEECH_STOP, ANNOUNCEMENT_END, ANNOUNCEMENT_FAIL);
    private static final Map<String, ConferenceEventType> BY_VALUE = WireValues.index(KNOWN);

    private ConferenceEventType(String value) {
        super("ConferenceEventType", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static ConferenceEventType of(String value) {
        ConferenceEventType known = BY_VALUE.get(Objects.requireNonNull(value, "ConferenceEventType: value must not be null"));
        return known != null ? known : new ConferenceEventType(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<ConferenceEventType> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
