package dev.conclave.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads RFC 2822 date-times as Twilio writes them, e.g. {@code Fri, 18 Feb 2011 21:07:19 +0000}, also with
 * a one-digit day, without the day name or seconds, and with the zone names {@code GMT}, {@code UT},
 * {@code UTC} or {@code Z}. The day name is not checked against the date: Twilio's dates are authoritative.
 */
public final class Rfc2822Dates {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private Rfc2822Dates() {
    }

    /**
     * Parses one date-time.
     *
     * @param text the date-time
     * @return the instant
     * @throws IllegalArgumentException if the text is not an RFC 2822 date-time
     */
    public static Instant parse(String text) {
        Cursor at = new Cursor(text);
        at.skipSpaces();
        if (at.more() && Character.isLetter(at.peek())) {
            at.skipLetters();
            at.expect(',');
            at.skipSpaces();
        }
        int day = at.digits(1, 2);
        at.requireSpaces();
        int month = at.month();
        at.requireSpaces();
        int year = at.digits(4, 4);
        at.requireSpaces();
        int hour = at.digits(2, 2);
        at.expect(':');
        int minute = at.digits(2, 2);
        int second = 0;
        if (at.more() && at.peek() == ':') {
            at.expect(':');
            second = at.digits(2, 2);
        }
        at.requireSpaces();
        int offsetSeconds = at.zone();
        at.skipSpaces();
        if (at.more()) {
            throw at.fail("unexpected text after the zone");
        }
        if (hour > 23 || minute > 59 || second > 60) {
            throw at.fail("time out of range");
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            // A leap second (:60) is read as the next second, which is what java.time does too.
            return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds);
        } catch (DateTimeException invalid) {
            throw at.fail("no such date");
        }
    }

    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean more() {
            return position < text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        void skipSpaces() {
            while (more() && peek() == ' ') {
                position++;
            }
        }

        void requireSpaces() {
            if (!more() || peek() != ' ') {
                throw fail("expected a space");
            }
            skipSpaces();
        }

        void skipLetters() {
            while (more() && Character.isLetter(peek())) {
                position++;
            }
        }

        void expect(char wanted) {
            if (!more() || peek() != wanted) {
                throw fail("expected '" + wanted + "'");
            }
            position++;
        }

        int digits(int min, int max) {
            int start = position;
            int value = 0;
            while (more() && position - start < max && peek() >= '0' && peek() <= '9') {
                value = value * 10 + (peek() - '0');
                position++;
            }
            if (position - start < min) {
                throw fail("expected " + min + (min == max ? "" : " to " + max) + " digits");
            }
            return value;
        }

        int month() {
            if (position + 3 > text.length()) {
                throw fail("expected a month name");
            }
            String name = text.substring(position, position + 3);
            int index = MONTHS.indexOf(name);
            if (index < 0 || index % 3 != 0) {
                throw fail("unknown month '" + name + "'");
            }
            position += 3;
            return index / 3 + 1;
        }

        int zone() {
            if (!more()) {
                throw fail("expected a zone");
            }
            char sign = peek();
            if (sign == '+' || sign == '-') {
                position++;
                int hhmm = digits(4, 4);
                int seconds = (hhmm / 100) * 3_600 + (hhmm % 100) * 60;
                return sign == '-' ? -seconds : seconds;
            }
            int start = position;
            skipLetters();
            String name = text.substring(start, position);
            if (name.equals("GMT") || name.equals("UT") || name.equals("UTC") || name.equals("Z")) {
                return 0;
            }
            throw fail("unknown zone '" + name + "'");
        }

        IllegalArgumentException fail(String problem) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            return new IllegalArgumentException("not an RFC 2822 date-time (" + problem + " at index " + position
                    + "): '" + shown + "'");
        }
    }
}
