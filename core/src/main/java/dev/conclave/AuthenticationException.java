package dev.conclave;

/** An {@link ApiException} for HTTP 401 or 403: the credentials were refused (Twilio code 20003). */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ApiException#ApiException} for the parameters. */
    public AuthenticationException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId);
    }

    /** Creates the exception from a body that may be an RFC 9457 problem; see {@link ApiException}. */
    public AuthenticationException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId, java.time.Duration retryAfter, Problem problem) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, retryAfter, problem);
    }
}
