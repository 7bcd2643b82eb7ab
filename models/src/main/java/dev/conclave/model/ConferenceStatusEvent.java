package dev.conclave.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conference status callback: Twilio reports what happens in a conference to the
 * {@code ConferenceStatusCallback} URL given at create, for the events listed in
 * {@code ConferenceStatusCallbackEvent}. Participant fields are {@code null} on conference-wide events;
 * {@link #parameters()} keeps every parameter as received.
 *
 * @param event what happened, e.g. {@code participant-join}; unknown values are kept
 * @param accountSid the account ({@code AC...})
 * @param conferenceSid the conference ({@code CF...})
 * @param friendlyName the conference's name
 * @param timestamp when it happened (Twilio sends RFC 2822)
 * @param sequenceNumber the order of this callback among the conference's callbacks
 * @param callSid the participant's call, on participant events
 * @param participantLabel the participant's label, if it has one
 * @param muted whether the participant is muted, on participant events
 * @param hold whether the participant is on hold, on participant events
 * @param coaching whether the participant is coaching, on participant events
 * @param endConferenceOnExit whether the conference ends when this participant leaves
 * @param startConferenceOnEnter whether the conference starts when this participant joins
 * @param reasonConferenceEnded why the conference ended, on {@code conference-end}
 * @param callSidEndingConference the call whose leaving ended the conference, on {@code conference-end}
 * @param reasonAnnouncementFailed why an announcement failed, on {@code announcement-fail}
 * @param parameters every parameter received, by name, values in order; unmodifiable
 */
public record ConferenceStatusEvent(ConferenceEventType event, String accountSid, String conferenceSid,
                                    String friendlyName, Instant timestamp, Integer sequenceNumber, String callSid,
                                    String participantLabel, Boolean muted, Boolean hold, Boolean coaching,
                                    Boolean endConferenceOnExit, Boolean startConferenceOnEnter,
                                    String reasonConferenceEnded, String callSidEndingConference,
                                    String reasonAnnouncementFailed, Map<String, List<String>> parameters) {
    /**
     * Checks that the event and parameters are present and keeps the parameters unmodifiable.
     *
     * @param event what happened, e.g. {@code participant-join}; unknown values are kept; not {@code null}
     * @param accountSid the account ({@code AC...})
     * @param conferenceSid the conference ({@code CF...})
     * @param friendlyName the conference's name
     * @param timestamp when it happened (Twilio sends RFC 2822)
     * @param sequenceNumber the order of this callback among the conference's callbacks
     * @param callSid the participant's call, on participant events
     * @param participantLabel the participant's label, if it has one
     * @param muted whether the participant is muted, on participant events
     * @param hold whether the participant is on hold, on participant events
     * @param coaching whether the participant is coaching, on participant events
     * @param endConferenceOnExit whether the conference ends when this participant leaves
     * @param startConferenceOnEnter whether the conference starts when this participant joins
     * @param reasonConferenceEnded why the conference ended, on {@code conference-end}
     * @param callSidEndingConference the call whose leaving ended the conference, on {@code conference-end}
     * @param reasonAnnouncementFailed why an announcement failed, on {@code announcement-fail}
     * @param parameters every parameter received, by name, values in order; copied, not {@code null}
     * @throws NullPointerException if {@code event} or {@code parameters} is {@code null}, or {@code parameters}
     *     holds a {@code null} key or value
     */
    public ConferenceStatusEvent {
        Objects.requireNonNull(event, "event");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }

    /** {@return whether this event is about one participant (it names a call)} */
    public boolean isParticipantEvent() {
        return callSid != null;
    }
}
