package dev.conclave.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A participant's status callback: Twilio reports the progress of the participant's call to the
 * {@code StatusCallback} URL given at create, for the events listed in {@code StatusCallbackEvent}. Fields
 * Twilio did not send are {@code null}; {@link #parameters()} keeps every parameter as received, including
 * ones this version does not name.
 *
 * @param event the event ({@code initiated}, {@code ringing}, {@code answered}, {@code completed}), derived
 *     from the call status; an unknown status gives an event with the status's own text
 * @param callStatus the call's state, e.g. {@code in-progress}; unknown values are kept
 * @param accountSid the account ({@code AC...})
 * @param callSid the participant's call ({@code CA...})
 * @param timestamp when the event happened (Twilio sends RFC 2822)
 * @param sequenceNumber the order of this callback among the call's callbacks, from 0
 * @param from the caller ID
 * @param to the number, client or SIP address dialled
 * @param direction e.g. {@code outbound-api}
 * @param callbackSource e.g. {@code call-progress-events}
 * @param callDuration the call's length in seconds, on {@code completed}
 * @param parameters every parameter received, by name, values in order; unmodifiable
 */
public record ParticipantStatusEvent(ParticipantCallbackEvent event, CallStatus callStatus, String accountSid,
                                     String callSid, Instant timestamp, Integer sequenceNumber, String from,
                                     String to, String direction, String callbackSource, Integer callDuration,
                                     Map<String, List<String>> parameters) {
    /**
     * Checks that the event and parameters are present and keeps the parameters unmodifiable.
     *
     * @param event the event ({@code initiated}, {@code ringing}, {@code answered}, {@code completed}), derived
     *     from the call status; an unknown status gives an event with the status's own text; not {@code null}
     * @param callStatus the call's state, e.g. {@code in-progress}; unknown values are kept
     * @param accountSid the account ({@code AC...})
     * @param callSid the participant's call ({@code CA...})
     * @param timestamp when the event happened (Twilio sends RFC 2822)
     * @param sequenceNumber the order of this callback among the call's callbacks, from 0
     * @param from the caller ID
     * @param to the number, client or SIP address dialled
     * @param direction e.g. {@code outbound-api}
     * @param callbackSource e.g. {@code call-progress-events}
     * @param callDuration the call's length in seconds, on {@code completed}
     * @param parameters every parameter received, by name, values in order; copied, not {@code null}
     * @throws NullPointerException if {@code event} or {@code parameters} is {@code null}, or {@code parameters}
     *     holds a {@code null} key or value
     */
    public ParticipantStatusEvent {
        Objects.requireNonNull(event, "event");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }
}
