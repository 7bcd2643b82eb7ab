package dev.conclave.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A participant of a conference, as Twilio returns it. Every field may be {@code null}: Twilio documents each
 * as nullable, and a field missing from the response is {@code null} too.
 *
 * @param accountSid the account that owns the participant ({@code AC...})
 * @param callSid the participant's call ({@code CA...})
 * @param label the label given at create, or {@code null}
 * @param callSidToCoach the call this participant coaches, or {@code null}
 * @param coaching whether the participant coaches another call
 * @param conferenceSid the conference ({@code CF...})
 * @param dateCreated when the participant was created (Twilio sends RFC 2822 in GMT)
 * @param dateUpdated when the participant was last updated
 * @param endConferenceOnExit whether the conference ends when this participant leaves
 * @param muted whether the participant is muted
 * @param hold whether the participant is on hold
 * @param startConferenceOnEnter whether the conference starts when this participant joins
 * @param status the call's state; an unknown value keeps its text (see {@link ParticipantStatus#isKnown()})
 * @param queueTime milliseconds the call waited before being placed, as Twilio's text (only on create)
 * @param uri the resource path, relative to the API host
 */
public record Participant(
        String accountSid,
        String callSid,
        String label,
        String callSidToCoach,
        Boolean coaching,
        String conferenceSid,
        Instant dateCreated,
        Instant dateUpdated,
        Boolean endConferenceOnExit,
        Boolean muted,
        Boolean hold,
        Boolean startConferenceOnEnter,
        ParticipantStatus status,
        String queueTime,
        String uri) {

    /**
     * {@link #queueTime()} as a duration, if it is present and a whole number of milliseconds.
     *
     * @return the queue time, or empty when absent or not a number
     */
    public Optional<Duration> queueDuration() {
        if (queueTime == null || queueTime.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Long.parseLong(queueTime.trim())));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** Whether {@link #muted()} is {@code true} (a {@code null} counts as not muted). */
    public boolean isMuted() {
        return Boolean.TRUE.equals(muted);
    }

    /** Whether {@link #hold()} is {@code true} (a {@code null} counts as not on hold). */
    public boolean isOnHold() {
        return Boolean.TRUE.equals(hold);
    }

    /** Whether {@link #coaching()} is {@code true} (a {@code null} counts as not coaching). */
    public boolean isCoaching() {
        return Boolean.TRUE.equals(coaching);
    }
}
