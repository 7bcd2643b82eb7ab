package dev.conclave;

/** An {@link ApiException} for HTTP 404: no such account, conference or participant (Twilio code 20404). */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ApiException#ApiException} for the parameters. */
    public NotFoundException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId);
    }

    /** Creates the exception from a body that may be an RFC 9457 problem; see {@link ApiException}. */
    public NotFoundException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId, java.time.Duration retryAfter, Problem problem) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, retryAfter, problem);
    }
}
