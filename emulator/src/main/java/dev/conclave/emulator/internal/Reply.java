package dev.conclave.emulator.internal;

import java.util.List;
import java.util.Map;

/**
 * What the emulator answers: status, extra headers and body (JSON unless empty).
 *
 * @param status the HTTP status
 * @param headers extra header fields beyond Content-Type, Content-Length and Twilio-Request-Id
 * @param body the body bytes, empty for none
 */
public record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    static Reply json(int status, byte[] body) {
        return new Reply(status, List.of(), body);
    }

    static Reply error(int status, int code, String message) {
        return new Reply(status, List.of(), Json.error(status, code, message));
    }

    static Reply empty(int status) {
        return new Reply(status, List.of(), new byte[0]);
    }
}
