package dev.conclave.webhook;

import dev.conclave.internal.json.Rfc2822Dates;
import dev.conclave.model.CallStatus;
import dev.conclave.model.ConferenceEventType;
import dev.conclave.model.ConferenceStatusEvent;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.ParticipantStatusEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads status callbacks' form parameters into typed events. Parsing is tolerant, as Twilio adds parameters and
 * values over time: unknown parameters stay in {@code parameters()}, unknown event and status values are kept
 * with their text, and a malformed optional field (a date, a number) is left {@code null} rather than failing.
 * Validate the signature first ({@link WebhookValidator}); parsing proves nothing about the sender.
 */
public final class StatusCallbacks {
    private StatusCallbacks() {
    }

    /**
     * Whether these parameters are a conference status callback (they name a conference and an event).
     *
     * @param parameters the callback's form parameters
     * @return {@code true} if both {@code ConferenceSid} and {@code StatusCallbackEvent} are present
     */
    public static boolean isConferenceEvent(FormParameters parameters) {
        return parameters.first("ConferenceSid").isPresent() && parameters.first("StatusCallbackEvent").isPresent();
    }

    /**
     * Reads a participant's (call progress) status callback.
     *
     * @param parameters the callback's form parameters
     * @return the event, with every parameter kept in {@link ParticipantStatusEvent#parameters()}
     * @throws IllegalArgumentException if {@code CallStatus} is missing (then it is not such a callback) or holds
     *     control characters (then it is not Twilio's)
     */
    public static ParticipantStatusEvent participantEvent(FormParameters parameters) {
        String status = parameters.first("CallStatus").filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalArgumentException("not a participant status callback: the CallStatus parameter is missing"));
        CallStatus callStatus = CallStatus.of(status);
        return new ParticipantStatusEvent(eventOf(callStatus), callStatus, text(parameters, "AccountSid"),
                text(parameters, "CallSid"), date(parameters, "Timestamp"), number(parameters, "SequenceNumber"),
                text(parameters, "From"), text(parameters, "To"), text(parameters, "Direction"),
                text(parameters, "CallbackSource"), number(parameters, "CallDuration"), parameters.asMap());
    }

    /**
     * Reads a conference status callback.
     *
     * @param parameters the callback's form parameters
     * @return the event, with every parameter kept in {@link ConferenceStatusEvent#parameters()}
     * @throws IllegalArgumentException if {@code StatusCallbackEvent} is missing (then it is not such a callback)
     *     or holds control characters (then it is not Twilio's)
     */
    public static ConferenceStatusEvent conferenceEvent(FormParameters parameters) {
        String event = parameters.first("StatusCallbackEvent").filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalArgumentException("not a conference status callback: the StatusCallbackEvent parameter "
                        + "is missing"));
        return new ConferenceStatusEvent(ConferenceEventType.of(event), text(parameters, "AccountSid"),
                text(parameters, "ConferenceSid"), text(parameters, "FriendlyName"), date(parameters, "Timestamp"),
                number(parameters, "SequenceNumber"), text(parameters, "CallSid"),
                text(parameters, "ParticipantLabel"), flag(parameters, "Muted"), flag(parameters, "Hold"),
                flag(parameters, "Coaching"), flag(parameters, "EndConferenceOnExit"),
                flag(parameters, "StartConferenceOnEnter"), text(parameters, "ReasonConferenceEnded"),
                text(parameters, "CallSidEndingConference"), text(parameters, "ReasonAnnouncementFailed"),
                parameters.asMap());
    }

    /** The participant event a call status stands for; a status this version does not know keeps its text. */
    static ParticipantCallbackEvent eventOf(CallStatus status) {
        if (status.equals(CallStatus.INITIATED) || status.equals(CallStatus.QUEUED)) {
            return ParticipantCallbackEvent.INITIATED;
        }
        if (status.equals(CallStatus.RINGING)) {
            return ParticipantCallbackEvent.RINGING;
        }
        if (status.equals(CallStatus.IN_PROGRESS)) {
            return ParticipantCallbackEvent.ANSWERED;
        }
        if (status.isKnown()) {
            return ParticipantCallbackEvent.COMPLETED;
        }
        return ParticipantCallbackEvent.of(status.value());
    }

    private static String text(FormParameters parameters, String name) {
        return parameters.first(name).orElse(null);
    }

    private static Boolean flag(FormParameters parameters, String name) {
        Optional<String> value = parameters.first(name);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static Integer number(FormParameters parameters, String name) {
        try {
            return parameters.first(name).map(String::trim).map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException malformed) {
            return null;
        }
    }

    private static Instant date(FormParameters parameters, String name) {
        try {
            return parameters.first(name).map(Rfc2822Dates::parse).orElse(null);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
