package dev.conclave;

import java.time.Duration;
import java.util.Optional;

/**
 * Twilio (or the emulator) answered with an HTTP error status. Carries the status, Twilio's error code,
 * message, {@code more_info} link and details where the body had them, and the {@code Twilio-Request-Id}
 * response header. The body may have been empty, HTML or cut short: then only the status and request id
 * are known, and {@link #twilioCode()} is {@code null}.
 *
 * <p>Subclasses name the common cases: {@link AuthenticationException} (401, 403),
 * {@link NotFoundException} (404), {@link RateLimitedException} (429), {@link InvalidRequestException}
 * (other 4xx) and {@link ServerErrorException} (5xx).
 */
public class ApiException extends ConclaveException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final Integer twilioCode;
    private final String twilioMessage;
    private final String moreInfo;
    private final String details;
    private final String requestId;
    private final Duration retryAfter;

    /**
     * Creates an API exception.
     *
     * @param httpStatus the HTTP status code
     * @param twilioCode Twilio's error code, or {@code null} when the body had none
     * @param twilioMessage Twilio's message, or {@code null}
     * @param moreInfo the documentation link, or {@code null}
     * @param details the {@code details} object as JSON text, or {@code null}
     * @param requestId the {@code Twilio-Request-Id} header, or {@code null}
     */
    public ApiException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
                        String requestId) {
        this(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, null);
    }

    /**
     * Creates an API exception whose response asked the client to wait before trying again.
     *
     * @param httpStatus the HTTP status code
     * @param twilioCode Twilio's error code, or {@code null} when the body had none
     * @param twilioMessage Twilio's message, or {@code null}
     * @param moreInfo the documentation link, or {@code null}
     * @param details the {@code details} object as JSON text, or {@code null}
     * @param requestId the {@code Twilio-Request-Id} header, or {@code null}
     * @param retryAfter the wait the {@code Retry-After} header asked for, or {@code null} without one
     */
    public ApiException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
                        String requestId, Duration retryAfter) {
        super(describe(httpStatus, twilioCode, twilioMessage, moreInfo, requestId));
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
        this.twilioCode = twilioCode;
        this.twilioMessage = twilioMessage;
        this.moreInfo = moreInfo;
        this.details = details;
        this.requestId = requestId;
    }

    private static String describe(int status, Integer code, String message, String moreInfo, String requestId) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            text.append(", Twilio error ").append(code);
        }
        text.append(": ").append(message == null || message.isBlank() ? "(no error message in the body)" : message);
        if (moreInfo != null) {
            text.append(" (").append(moreInfo).append(')');
        }
        if (requestId != null) {
            text.append(" [request ").append(requestId).append(']');
        }
        return text.toString();
    }

    /** The HTTP status code, e.g. 404. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Twilio's error code, e.g. 20404, or {@code null} when the body carried none. */
    public Integer twilioCode() {
        return twilioCode;
    }

    /** Twilio's error message, or {@code null}. */
    public String twilioMessage() {
        return twilioMessage;
    }

    /** The error's documentation link ({@code more_info}), or {@code null}. */
    public String moreInfo() {
        return moreInfo;
    }

    /** The error's {@code details} object as compact JSON text, or {@code null}. */
    public String details() {
        return details;
    }

    /**
     * The wait the response's {@code Retry-After} header asked for (its seconds, or the time until its HTTP
     * date, zero if that is past), or empty when there was no valid header.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The {@code Twilio-Request-Id} response header, or {@code null}; quote it to Twilio support. */
    public String requestId() {
        return requestId;
    }
}
