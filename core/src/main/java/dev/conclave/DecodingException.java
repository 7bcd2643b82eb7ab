package dev.conclave;

import dev.conclave.http.ConclaveException;

/**
 * A response arrived but could not be read as the Participant API's JSON: cut short, malformed, or of the
 * wrong shape. Carries the HTTP status, the {@code Twilio-Request-Id} (if any) and a short excerpt of the
 * body near the problem, never the whole body.
 */
public class DecodingException extends ConclaveException {
    private static final long serialVersionUID = 1L;

    /** The response's status code. */
    private final int httpStatus;
    /** The {@code Twilio-Request-Id} header, or {@code null}. */
    private final String requestId;

    /**
     * Creates a decoding exception.
     *
     * @param message what could not be read, with a short excerpt
     * @param httpStatus the response's status code
     * @param requestId the {@code Twilio-Request-Id} header, or {@code null}
     * @param cause the parser's exception, or {@code null}
     */
    public DecodingException(String message, int httpStatus, String requestId, Throwable cause) {
        super(message + " (HTTP " + httpStatus + (requestId == null ? "" : ", request " + requestId) + ")", cause);
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    /** {@return the HTTP status of the response that could not be decoded} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return the {@code Twilio-Request-Id} response header, or {@code null} if absent} */
    public String requestId() {
        return requestId;
    }
}
