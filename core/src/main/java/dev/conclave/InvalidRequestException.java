package dev.conclave;

/** An {@link ApiException} for HTTP another 4xx: the request was refused, e.g. a missing To (21201) or From (21213). */
public class InvalidRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ApiException#ApiException} for the parameters. */
    public InvalidRequestException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId);
    }

    /** Creates the exception from a body that may be an RFC 9457 problem; see {@link ApiException}. */
    public InvalidRequestException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId, java.time.Duration retryAfter, Problem problem) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, retryAfter, problem);
    }
}
