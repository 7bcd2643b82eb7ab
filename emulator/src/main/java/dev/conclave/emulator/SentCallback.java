package dev.conclave.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One status callback the emulator sent (or refused to send), as {@link ParticipantEmulator#sentCallbacks()}
 * lists them.
 *
 * @param url the URL called (for a GET callback, with the parameters in its query)
 * @param method {@code POST} or {@code GET}
 * @param parameters the callback's parameters in the order sent
 * @param signature the {@code X-Twilio-Signature} sent
 * @param status the HTTP status the receiver answered, or -1 if there was no answer
 * @param failure why it was not delivered (not loopback, connection refused...), or {@code null}
 */
public record SentCallback(String url, String method, List<Map.Entry<String, String>> parameters, String signature,
                           int status, String failure) {
    /**
     * Keeps the parameters unmodifiable.
     *
     * @param url the URL called (for a GET callback, with the parameters in its query)
     * @param method {@code POST} or {@code GET}
     * @param parameters the callback's parameters in the order sent; copied, not {@code null}
     * @param signature the {@code X-Twilio-Signature} sent
     * @param status the HTTP status the receiver answered, or -1 if there was no answer
     * @param failure why it was not delivered (not loopback, connection refused...), or {@code null}
     * @throws NullPointerException if {@code parameters} is {@code null} or holds a {@code null} entry
     */
    public SentCallback {
        parameters = List.copyOf(parameters);
    }

    /**
     * The first value of a parameter, if sent.
     *
     * @param name the parameter name, matched exactly (case-sensitively)
     * @return the first value, or empty if the parameter was not sent
     */
    public Optional<String> parameter(String name) {
        return parameters.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    /**
     * The event this callback reports: {@code StatusCallbackEvent} for a conference, {@code CallStatus} else.
     *
     * @return the event's text, or {@code ?} when the callback carries neither parameter
     */
    public String event() {
        return parameter("StatusCallbackEvent").or(() -> parameter("CallStatus")).orElse("?");
    }
}
