package dev.conclave;

/** An {@link ApiException} for HTTP 429: too many requests (Twilio code 20429). */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link ApiException#ApiException} for the parameters. */
    public RateLimitedException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId);
    }

    /** Creates the exception with the wait its {@code Retry-After} header asked for; see {@link ApiException}. */
    public RateLimitedException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId, java.time.Duration retryAfter) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, retryAfter);
    }

    /** Creates the exception from a body that may be an RFC 9457 problem; see {@link ApiException}. */
    public RateLimitedException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
            String requestId, java.time.Duration retryAfter, Problem problem) {
        super(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, retryAfter, problem);
    }
}
