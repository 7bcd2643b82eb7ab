package dev.conclave.internal.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date. */
public final class RetryAfter {
    /** Larger values are not waited for anyway; capping keeps the arithmetic far from overflow. */
    private static final long MAX_SECONDS = 365L * 24 * 3600;

    /**
     * The HTTP-date forms (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms that
     * recipients must still accept (both in GMT).
     */
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'")
                    .toFormatter(Locale.US).withZone(ZoneOffset.UTC),
            new DateTimeFormatterBuilder().appendPattern("EEE MMM").appendLiteral(' ')
                    .padNext(2).appendValue(ChronoField.DAY_OF_MONTH).appendPattern(" HH:mm:ss yyyy")
                    .toFormatter(Locale.US).withZone(ZoneOffset.UTC));

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
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                Instant when = ZonedDateTime.parse(text, format).toInstant();
                Duration wait = Duration.between(now, when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notThisForm) {
                // Try the next of the three forms HTTP allows.
            }
        }
        return null;
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
