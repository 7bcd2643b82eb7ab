package dev.conclave.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date. */
public final class RetryAfter {
    /** Larger values are not waited for anyway; capping keeps the arithmetic far from overflow. */
    private static final long MAX_SECONDS = 365L * 24 * 3600;

    private RetryAfter() {
    }

    /**
     * The wait a {@code Retry-After} value asks for.
     *
     * @param value the header value, or {@code null}
     * @param now the current time, to turn a date into a wait
     * @return the wait (zero for a date in the past), or {@code null} when the value is absent or malformed
     */
    public static Duration parse(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.isEmpty()) {
            return null;
        }
        if (isDigits(text)) {
            // Leading zeros and huge numbers are both legal; anything past a year is treated as a year.
            return text.length() > 12 ? Duration.ofSeconds(MAX_SECONDS)
                    : Duration.ofSeconds(Math.min(MAX_SECONDS, Long.parseLong(text)));
        }
        try {
            Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, when);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
