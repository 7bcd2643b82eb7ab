package dev.conclave.internal.json;

import java.time.Instant;

/**
 * Reads RFC 2822 date-times as Twilio writes them, e.g. {@code Fri, 18 Feb 2011 21:07:19 +0000}, also with
 * a one-digit day, without the day name or seconds, and with the zone names {@code GMT}, {@code UT},
 * {@code UTC} or {@code Z}. The day name is not checked against the date: Twilio's dates are authoritative.
 */
public final class Rfc2822Dates {
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
        return parse(text.toCharArray(), 0, text.length());
    }

    /**
     * Parses one date-time held in a region of a char array (e.g. a JSON parser's buffer), making no String.
     *
     * @param chars the characters
     * @param offset where the date-time starts
     * @param length how many characters it has
     * @return the instant
     * @throws IllegalArgumentException if the text is not an RFC 2822 date-time
     */
    public static Instant parse(char[] chars, int offset, int length) {
        if (length == 31) {
            Instant twilioForm = twilioForm(chars, offset);
            if (twilioForm != null) {
                return twilioForm;
            }
        }
        Cursor at = new Cursor(chars, offset, offset + length);
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
        if (day < 1 || day > daysInMonth(year, month)) {
            throw at.fail("no such date");
        }
        // A leap second (:60) is read as the next second, which is what java.time does too.
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second
                - offsetSeconds);
    }

    /**
     * The form Twilio always writes, {@code Fri, 18 Feb 2011 21:07:19 +0000}, read at fixed positions with no
     * object made; {@code null} for anything else, which {@link #parse(char[], int, int)} then reads (or refuses)
     * in full.
     */
    private static Instant twilioForm(char[] c, int o) {
        if (c[o + 3] != ',' || c[o + 4] != ' ' || c[o + 7] != ' ' || c[o + 11] != ' ' || c[o + 16] != ' '
                || c[o + 19] != ':' || c[o + 22] != ':' || c[o + 25] != ' ' || (c[o + 26] != '+' && c[o + 26] != '-')
                || !Character.isLetter(c[o]) || !Character.isLetter(c[o + 1]) || !Character.isLetter(c[o + 2])) {
            return null;
        }
        int day = twoDigits(c, o + 5);
        int century = twoDigits(c, o + 12);
        int yearOfCentury = twoDigits(c, o + 14);
        int hour = twoDigits(c, o + 17);
        int minute = twoDigits(c, o + 20);
        int second = twoDigits(c, o + 23);
        int zoneHours = twoDigits(c, o + 27);
        int zoneMinutes = twoDigits(c, o + 29);
        int month = monthOf(c[o + 8], c[o + 9], c[o + 10]);
        if ((day | century | yearOfCentury | hour | minute | second | zoneHours | zoneMinutes | month) < 0
                || day < 1 || day > daysInMonth(century * 100 + yearOfCentury, month) || hour > 23 || minute > 59 || second > 60 || zoneMinutes > 59) {
            return null;
        }
        int zone = zoneHours * 3_600 + zoneMinutes * 60;
        return Instant.ofEpochSecond(epochDay(century * 100 + yearOfCentury, month, day) * 86_400L + hour * 3_600L
                + minute * 60L + second - (c[o + 26] == '-' ? -zone : zone));
    }

    /** Two ASCII digits as a number, or -1. */
    private static int twoDigits(char[] c, int at) {
        int tens = c[at] - '0';
        int ones = c[at + 1] - '0';
        return tens < 0 || tens > 9 || ones < 0 || ones > 9 ? -1 : tens * 10 + ones;
    }

    /** The month number of the three-letter English month name of these characters, or -1. */
    private static int monthOf(int first, int second, int third) {
        if ((first | second | third) > 0x7F) {
            return -1;
        }
        // One switch on the three characters instead of up to twelve three-way comparisons.
        return switch (first << 16 | second << 8 | third) {
            case 'J' << 16 | 'a' << 8 | 'n' -> 1;
            case 'F' << 16 | 'e' << 8 | 'b' -> 2;
            case 'M' << 16 | 'a' << 8 | 'r' -> 3;
            case 'A' << 16 | 'p' << 8 | 'r' -> 4;
            case 'M' << 16 | 'a' << 8 | 'y' -> 5;
            case 'J' << 16 | 'u' << 8 | 'n' -> 6;
            case 'J' << 16 | 'u' << 8 | 'l' -> 7;
            case 'A' << 16 | 'u' << 8 | 'g' -> 8;
            case 'S' << 16 | 'e' << 8 | 'p' -> 9;
            case 'O' << 16 | 'c' << 8 | 't' -> 10;
            case 'N' << 16 | 'o' << 8 | 'v' -> 11;
            case 'D' << 16 | 'e' << 8 | 'c' -> 12;
            default -> -1;
        };
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date (year 0 to 9999 here), counted with March as the first
     * month so that the leap day falls at the end of the year.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int monthFromMarch = (month + 9) % 12;
        int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static final class Cursor {
        private final char[] text;
        private final int start;
        private final int end;
        private int position;

        Cursor(char[] text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.position = start;
        }

        boolean more() {
            return position < end;
        }

        char peek() {
            return text[position];
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
            if (position + 3 > end) {
                throw fail("expected a month name");
            }
            int month = monthOf(text[position], text[position + 1], text[position + 2]);
            if (month > 0) {
                position += 3;
                return month;
            }
            throw fail("unknown month '" + new String(text, position, 3) + "'");
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
            int from = position;
            skipLetters();
            String name = new String(text, from, position - from);
            if (name.equals("GMT") || name.equals("UT") || name.equals("UTC") || name.equals("Z")) {
                return 0;
            }
            throw fail("unknown zone '" + name + "'");
        }

        IllegalArgumentException fail(String problem) {
            int length = end - start;
            String shown = length > 40 ? new String(text, start, 40) + "..." : new String(text, start, length);
            return new IllegalArgumentException("not an RFC 2822 date-time (" + problem + " at index "
                    + (position - start) + "): '" + shown + "'");
        }
    }
}
