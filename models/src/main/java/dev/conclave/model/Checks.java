package dev.conclave.model;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The input rules that Twilio's API definition states, with messages that name the field and the rule. */
final class Checks {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    private Checks() {
    }

    static String required(String field, String wireName, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " (" + wireName + ") is required and must not be blank");
        }
        return value;
    }

    static Integer range(String field, String wireName, Integer value, int min, int max, String unit) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(field + " (" + wireName + ") must be from " + min + " to " + max
                    + " " + unit + ", got " + value);
        }
        return value;
    }

    static Integer positive(String field, String wireName, Integer value, String unit) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(field + " (" + wireName + ") must be a positive number of " + unit
                    + ", got " + value);
        }
        return value;
    }

    static Integer atLeastZero(String field, String wireName, Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(field + " (" + wireName + ") must be 0 or more, got " + value);
        }
        return value;
    }

    /** A SID: the two-letter prefix then 32 hex digits, 34 characters in all. */
    static String sid(String field, String wireName, String value, String prefix) {
        if (value != null && !isSid(value, prefix)) {
            throw new IllegalArgumentException(field + " (" + wireName + ") must be " + prefix
                    + " followed by 32 hex digits (34 characters), got '" + excerpt(value) + "'");
        }
        return value;
    }

    static boolean isSid(String value, String prefix) {
        return value.length() == 34 && value.startsWith(prefix) && HEX32.matcher(value).region(2, 34).matches();
    }

    static String length(String field, String wireName, String value, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            throw new IllegalArgumentException(field + " (" + wireName + ") must be " + min + " to " + max
                    + " characters long, got " + value.length());
        }
        return value;
    }

    /** A label is sent in form bodies and URL paths, so it may hold anything but line breaks and NUL. */
    static String label(String field, String wireName, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " (" + wireName + ") must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(field + " (" + wireName
                        + ") must not contain CR, LF or NUL characters");
            }
        }
        return value;
    }

    /** A required value that is not text: present. */
    static <V> V present(String field, String wireName, V value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " (" + wireName + ") is required");
        }
        return value;
    }

    /**
     * A value of an open set a request may send: one the field allows, or one made by the type's
     * {@code unlisted(String)} for a value Twilio added after this release.
     */
    static <V extends WireValue> V allowed(String field, String wireName, V value, List<V> known, String typeName) {
        if (value != null && !value.unlisted() && !known.contains(value)) {
            throw new IllegalArgumentException(field + " (" + wireName + ") must be one of "
                    + known.stream().map(WireValue::value).collect(Collectors.joining(", ")) + ", got '"
                    + excerpt(value.value()) + "'; to send a value Twilio added after this release, use "
                    + typeName + ".unlisted(\"" + excerpt(value.value()) + "\")");
        }
        return value;
    }

    /** {@link #allowed} for each value of a list field. */
    static <V extends WireValue> List<V> allowed(String field, String wireName, List<V> values, List<V> known,
                                                 String typeName) {
        for (V value : values) {
            allowed(field, wireName, value, known, typeName);
        }
        return values;
    }

    static void coaching(Boolean coaching, String callSidToCoach) {
        if (Boolean.TRUE.equals(coaching) && callSidToCoach == null) {
            throw new IllegalArgumentException(
                    "coaching (Coaching) is true, so callSidToCoach (CallSidToCoach) must be set to the coached call's SID");
        }
    }

    private static String excerpt(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
