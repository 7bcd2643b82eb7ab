package dev.conclave;

/** An {@link ApiException} for HTTP another 4xx: the request was refused, e.g. a missing To (21201) or From (21213). */
public class InvalidRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; see {@link ApiException#ApiException} for the parameters.
     *
     * @param httpStatus the HTTP status code
     * @param twilioCode Twilio's error code, or {@code null} when the body had none
     * @param twilioMessage Twilio's message, or {@code null}
     * @param moreInfo the documentation link, or {@code null}
     * @param details the {@code details} object as JSON text, or {@code null}
     * @param requestId the {@code Twilio-Request-Id} header, or {@code null}
     */
    public InvalidRequestException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId);
    }

    /**
     * Creates the exception from a body that may be an RFC 9457 problem; see {@link ApiException}.
     *
     * @param httpStatus the HTTP status code
     * @param twilioCode Twilio's error code, or {@code null} when the body had none
     * @param twilioMessage Twilio's message (or the problem's detail or title), or {@code null}
     * @param moreInfo the documentation link (or the problem's type), or {@code null}
     * @param details the {@code details} object as JSON text, or {@code null}
     * @param requestId the {@code Twilio-Request-Id} header, or {@code null}
     * @param retryAfter the wait the {@code Retry-After} header asked for, or {@code null} without one
     * @param problem the RFC 9457 parts, {@link Problem#NONE} (or {@code null}) for none
     */
    public InvalidRequestException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId, java.time.Duration retryAfter, Problem problem) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, retryAfter, problem);
    }
}
