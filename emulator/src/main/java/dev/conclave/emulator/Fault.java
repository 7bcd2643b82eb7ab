package dev.conclave.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong with one exchange, as the emulator can make it go wrong. Some faults answer instead of
 * the API, without acting on the request (an error status, an HTML page, any reply); the others let the API act
 * (a create dials, a delete removes) and then spoil the response: late, cut, reset, malformed or trickled. The
 * second kind is what makes a blind retry of a create dangerous. Immutable.
 */
public final class Fault {
    /** What a fault does. */
    public enum Kind {
        /** An error status with Twilio's JSON error body; not acted on. */
        STATUS(false),
        /** An HTML error page with some status; not acted on. */
        HTML_PAGE(false),
        /** Any status, content type and body; not acted on. */
        REPLY(false),
        /** Acted on; the normal response, after a delay. */
        DELAY(true),
        /** Acted on; the connection reset before any response byte. */
        RESET_BEFORE_RESPONSE(true),
        /** Acted on; the head and half the body, then the connection reset. */
        RESET_MID_BODY(true),
        /** Acted on; the head (with the full length) and half the body, then the connection closed normally. */
        TRUNCATED_BODY(true),
        /** Acted on; a complete response whose JSON body is malformed. */
        MALFORMED_JSON(true),
        /** Acted on; the normal response, its body sent one byte per interval. */
        TRICKLE(true);

        private final boolean acts;

        Kind(boolean acts) {
            this.acts = acts;
        }

        /** {@return whether the API acts on the request before this fault spoils the response} */
        public boolean actsOnRequest() {
            return acts;
        }
    }

    private final Kind kind;
    private final int status;
    private final Integer retryAfterSeconds;
    private final Duration interval;
    private final String contentType;
    private final byte[] body;

    private Fault(Kind kind, int status, Integer retryAfterSeconds, Duration interval, String contentType,
                  byte[] body) {
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.interval = interval;
        this.contentType = contentType;
        this.body = body;
    }

    /**
     * An error status with a Twilio-style JSON body (code {@code 20000 + status}, e.g. 20503), not acted on.
     *
     * @param status 400 to 599
     * @return the fault
     * @throws IllegalArgumentException for another status
     */
    public static Fault status(int status) {
        return new Fault(Kind.STATUS, checkStatus(status, 400), null, null, null, null);
    }

    /**
     * An error status with a {@code Retry-After} header in seconds, e.g. 429 or 503; not acted on.
     *
     * @param status 400 to 599
     * @param retryAfterSeconds the header's value, 0 or more
     * @return the fault
     * @throws IllegalArgumentException for another status or a negative wait
     */
    public static Fault status(int status, int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds: must be 0 or more, got " + retryAfterSeconds);
        }
        return new Fault(Kind.STATUS, checkStatus(status, 400), retryAfterSeconds, null, null, null);
    }

    /**
     * An HTML page, as a proxy or load balancer answers, with this status; not acted on.
     *
     * @param status 200 to 599
     * @return the fault
     * @throws IllegalArgumentException for another status
     */
    public static Fault htmlPage(int status) {
        byte[] page = ("<!DOCTYPE html>\n<html><head><title>" + status + "</title></head><body><h1>" + status
                + " Service Unavailable</h1><p>The server is temporarily unable to service your request.</p>"
                + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        return new Fault(Kind.HTML_PAGE, checkStatus(status, 200), null, null, "text/html; charset=utf-8", page);
    }

    /**
     * Any reply, e.g. a cut or ill-typed JSON body; not acted on.
     *
     * @param status 200 to 599
     * @param contentType the Content-Type, or {@code null} for none
     * @param body the body (copied); not {@code null}; must be empty for 204 and 304, which have none
     * @return the fault
     * @throws IllegalArgumentException for a status outside 200 to 599, or a body with 204 or 304
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static Fault reply(int status, String contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        if ((status == 204 || status == 304) && body.length > 0) {
            throw new IllegalArgumentException("body: a " + status + " response has no body");
        }
        return new Fault(Kind.REPLY, checkStatus(status, 200), null, null, contentType, body.clone());
    }

    /**
     * Acted on, answered normally after {@code delay}.
     *
     * @param delay how long to wait before answering; positive
     * @return the fault
     * @throws IllegalArgumentException if {@code delay} is {@code null}, zero or negative
     */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, positive("delay", delay), null, null);
    }

    /** {@return a fault acted on, then the connection reset (TCP RST) before any response byte} */
    public static Fault resetBeforeResponse() {
        return new Fault(Kind.RESET_BEFORE_RESPONSE, 0, null, null, null, null);
    }

    /**
     * Acted on; the status line, headers (with the full Content-Length) and half the body, then a reset. A
     * response without a body (a delete's 204) arrives whole before the reset.
     *
     * @return the fault
     */
    public static Fault resetMidBody() {
        return new Fault(Kind.RESET_MID_BODY, 0, null, null, null, null);
    }

    /**
     * Acted on; the head with the full Content-Length and half the body, then an orderly close.
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, null, null, null, null);
    }

    /**
     * Acted on; the real status with a JSON body cut short and followed by junk, its length declared honestly.
     *
     * @return the fault
     */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 0, null, null, null, null);
    }

    /**
     * Acted on; the real response with its body sent one byte every {@code interval}.
     *
     * @param interval the wait between two bytes; positive
     * @return the fault
     * @throws IllegalArgumentException if {@code interval} is {@code null}, zero or negative
     */
    public static Fault trickle(Duration interval) {
        return new Fault(Kind.TRICKLE, 0, null, positive("interval", interval), null, null);
    }

    /** {@return what this fault does} */
    public Kind kind() {
        return kind;
    }

    /** {@return whether the API acts on the request before the fault spoils the response} */
    public boolean actsOnRequest() {
        return kind.actsOnRequest();
    }

    /** {@return the status it answers with, or 0 when the API's own status is kept} */
    public int status() {
        return status;
    }

    /** {@return the {@code Retry-After} seconds it sends, or {@code null}} */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** {@return the delay or trickle interval, or {@code null}} */
    public Duration interval() {
        return interval;
    }

    /** {@return the content type of a replacement body, or {@code null}} */
    public String contentType() {
        return contentType;
    }

    /** {@return a copy of the replacement body, or {@code null}} */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /**
     * A short name for journals and figures, e.g. {@code STATUS 503}, {@code DELAY 1500ms} or
     * {@code RESET_MID_BODY}.
     *
     * @return the name
     */
    public String label() {
        return switch (kind) {
            case STATUS, HTML_PAGE, REPLY -> kind + " " + status;
            case DELAY, TRICKLE -> kind + " " + interval.toMillis() + "ms";
            default -> kind.name();
        };
    }

    @Override
    public String toString() {
        return "Fault[" + label() + (retryAfterSeconds == null ? "" : ", Retry-After " + retryAfterSeconds)
                + (interval == null ? "" : ", " + interval) + ']';
    }

    private static int checkStatus(int status, int lowest) {
        if (status < lowest || status > 599) {
            throw new IllegalArgumentException("status: must be between " + lowest + " and 599, got " + status);
        }
        return status;
    }

    private static Duration positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, got " + value);
        }
        return value;
    }
}
