package dev.conclave;

import dev.conclave.http.ConclaveException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Twilio (or the emulator) answered with an HTTP error status. Carries the status, what the error body said, and
 * the {@code Twilio-Request-Id} response header. The body may have been empty, HTML or cut short: then only the
 * status and request id are known, and {@link #twilioCode()} is {@code null}.
 *
 * <p>Two body formats are read, and unknown fields of either are ignored:
 * <ul>
 *   <li>Twilio's error JSON ({@code code}, {@code message}, {@code more_info}, {@code status}, {@code details}):
 *       {@link #twilioCode()}, {@link #twilioMessage()}, {@link #moreInfo()} and {@link #details()};
 *       {@link #title()} and {@link #detail()} are {@code null} and {@link #fieldErrors()} is empty.</li>
 *   <li>RFC 9457 problem details ({@code type}, {@code title}, {@code detail}, {@code errors}, and Twilio's
 *       {@code code} where present): {@link #title()}, {@link #detail()}, {@link #problemType()}, and
 *       {@link #fieldErrors()} from {@code errors}, an array of objects each naming a field ({@code field}, or
 *       a {@code pointer} such as {@code #/To}) and a message ({@code message} or {@code detail}). An
 *       {@code errors} that is not an array, or an element that is not an object, is left out.
 *       {@link #twilioMessage()} is the {@code detail}, else the {@code title}; {@link #moreInfo()} is the
 *       {@code type}.</li>
 * </ul>
 *
 * <p>Subclasses name the common cases: {@link AuthenticationException} (401, 403),
 * {@link NotFoundException} (404), {@link RateLimitedException} (429), {@link InvalidRequestException}
 * (other 4xx) and {@link ServerErrorException} (5xx).
 */
public class ApiException extends ConclaveException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status code. */
    private final int httpStatus;
    /** Twilio's error code, or {@code null} when the body carried none. */
    private final Integer twilioCode;
    /** Twilio's error message, or {@code null}. */
    private final String twilioMessage;
    /** The error's documentation link ({@code more_info}), or {@code null}. */
    private final String moreInfo;
    /** The error's {@code details} object as compact JSON text, or {@code null}. */
    private final String details;
    /** The {@code Twilio-Request-Id} response header, or {@code null}. */
    private final String requestId;
    /** The wait the {@code Retry-After} header asked for, or {@code null} without one. */
    private final Duration retryAfter;
    /** The RFC 9457 parts, {@link Problem#NONE} for none; never {@code null}. */
    private final Problem problem;

    /**
     * One entry of an RFC 9457 body's {@code errors}: which field was refused and why.
     *
     * @param field the field as the body named it (a {@code pointer}'s {@code #/} removed), or {@code null}
     * @param message what is wrong with it, or {@code null}
     */
    public record FieldError(String field, String message) {
    }

    /**
     * The RFC 9457 parts of an error body; {@link #NONE} for a body in Twilio's classic format, or no body.
     *
     * @param type the {@code type} URI, or {@code null}
     * @param title the {@code title}, or {@code null}
     * @param detail the {@code detail}, or {@code null}
     * @param fieldErrors the {@code errors}, empty for none; copied
     */
    public record Problem(String type, String title, String detail, List<FieldError> fieldErrors) {
        /** No RFC 9457 parts. */
        public static final Problem NONE = new Problem(null, null, null, List.of());

        /**
         * Copies the field errors; {@code null} is none.
         *
         * @param type the {@code type} URI, or {@code null}
         * @param title the {@code title}, or {@code null}
         * @param detail the {@code detail}, or {@code null}
         * @param fieldErrors the {@code errors}, copied; {@code null} or empty for none, no {@code null} element
         * @throws NullPointerException if {@code fieldErrors} holds a {@code null} element
         */
        public Problem {
            fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        }
    }

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
        this(httpStatus, twilioCode, twilioMessage, moreInfo, details, requestId, retryAfter, Problem.NONE);
    }

    /**
     * Creates an API exception from a body that may be an RFC 9457 problem.
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
    public ApiException(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
                        String requestId, Duration retryAfter, Problem problem) {
        super(describe(httpStatus, twilioCode, twilioMessage, moreInfo, requestId,
                problem == null ? Problem.NONE : problem));
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
        this.twilioCode = twilioCode;
        this.twilioMessage = twilioMessage;
        this.moreInfo = moreInfo;
        this.details = details;
        this.requestId = requestId;
        this.problem = problem == null ? Problem.NONE : problem;
    }

    private static String describe(int status, Integer code, String message, String moreInfo, String requestId,
                                   Problem problem) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            text.append(", Twilio error ").append(code);
        }
        text.append(": ").append(message == null || message.isBlank() ? "(no error message in the body)" : message);
        if (!problem.fieldErrors().isEmpty()) {
            text.append(" (fields: ");
            for (int i = 0; i < problem.fieldErrors().size(); i++) {
                FieldError error = problem.fieldErrors().get(i);
                text.append(i == 0 ? "" : "; ").append(error.field() == null ? "?" : error.field());
                if (error.message() != null) {
                    text.append(": ").append(error.message());
                }
            }
            text.append(')');
        }
        if (moreInfo != null) {
            text.append(" (").append(moreInfo).append(')');
        }
        if (requestId != null) {
            text.append(" [request ").append(requestId).append(']');
        }
        return text.toString();
    }

    /** {@return the HTTP status code, e.g. 404} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return Twilio's error code, e.g. 20404, or {@code null} when the body carried none} */
    public Integer twilioCode() {
        return twilioCode;
    }

    /** {@return Twilio's error message, or {@code null}} */
    public String twilioMessage() {
        return twilioMessage;
    }

    /** {@return the error's documentation link ({@code more_info}), or {@code null}} */
    public String moreInfo() {
        return moreInfo;
    }

    /** {@return the error's {@code details} object as compact JSON text, or {@code null}} */
    public String details() {
        return details;
    }

    /** The RFC 9457 parts as one value, for a copy of this exception ({@link Problem#NONE} for none). */
    Problem problem() {
        return problem;
    }

    /** {@return the RFC 9457 {@code title}, or {@code null} (always for Twilio's classic error body)} */
    public String title() {
        return problem.title();
    }

    /** {@return the RFC 9457 {@code detail}, or {@code null} (always for Twilio's classic error body)} */
    public String detail() {
        return problem.detail();
    }

    /** {@return the RFC 9457 {@code type} URI, or {@code null} (always for Twilio's classic error body)} */
    public String problemType() {
        return problem.type();
    }

    /**
     * The fields an RFC 9457 body's {@code errors} names, each with its message, in the body's order.
     *
     * @return the field errors, unmodifiable; empty for a classic body or one without {@code errors}
     */
    public List<FieldError> fieldErrors() {
        return problem.fieldErrors();
    }

    /**
     * The wait the response's {@code Retry-After} header asked for (its seconds, or the time until its HTTP
     * date, zero if that is past), or empty when there was no valid header.
     *
     * @return the wait asked for, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The {@code Twilio-Request-Id} response header, or {@code null}; quote it to Twilio support.
     *
     * @return the request id, or {@code null}
     */
    public String requestId() {
        return requestId;
    }
}
