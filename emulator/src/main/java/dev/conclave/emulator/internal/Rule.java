package dev.conclave.emulator.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What one request parameter may hold, as Twilio's API definition states it. {@link #check} returns
 * {@code null} when a value is fine, else a message naming the parameter and what is allowed.
 */
public final class Rule {
    /** The kinds of value a parameter can hold. */
    public enum Kind {
        /** Any text. */
        TEXT,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A whole number in a range. */
        INTEGER,
        /** One of a fixed set of values. */
        CHOICE,
        /** One or more of a fixed set of values; the only kind that may repeat. */
        LIST,
        /** A SID of one prefix. */
        SID,
        /** Text of bounded length. */
        LENGTH,
        /** A calendar day, {@code YYYY-MM-DD}. */
        DATE
    }

    private final Kind kind;
    private final List<String> values;
    private final long min;
    private final long max;
    private final Pattern pattern;

    private Rule(Kind kind, List<String> values, long min, long max, Pattern pattern) {
        this.kind = kind;
        this.values = values;
        this.min = min;
        this.max = max;
        this.pattern = pattern;
    }

    static Rule text() {
        return new Rule(Kind.TEXT, List.of(), 0, 0, null);
    }

    static Rule bool() {
        return new Rule(Kind.BOOLEAN, List.of("true", "false"), 0, 0, null);
    }

    static Rule integer(long min, long max) {
        return new Rule(Kind.INTEGER, List.of(), min, max, null);
    }

    static Rule oneOf(String... values) {
        return new Rule(Kind.CHOICE, List.of(values), 0, 0, null);
    }

    static Rule listOf(String... values) {
        return new Rule(Kind.LIST, List.of(values), 0, 0, null);
    }

    static Rule sid(String prefix) {
        return new Rule(Kind.SID, List.of(prefix), 0, 0, Pattern.compile("^" + prefix + "[0-9a-fA-F]{32}$"));
    }

    static Rule date() {
        return new Rule(Kind.DATE, List.of(), 0, 0, null);
    }

    static Rule length(int min, int max) {
        return new Rule(Kind.LENGTH, List.of(), min, max, null);
    }

    /** The kind of value. */
    public Kind kind() {
        return kind;
    }

    /** The allowed values of a choice, list or boolean; empty otherwise. */
    public List<String> values() {
        return values;
    }

    /** The smallest allowed integer or length; 0 for other kinds. */
    public long min() {
        return min;
    }

    /** The largest allowed integer or length; 0 for other kinds. */
    public long max() {
        return max;
    }

    /** Whether the parameter may appear more than once. */
    public boolean repeatable() {
        return kind == Kind.LIST;
    }

    /** Checks one value (one item, for a list); {@code null} when it is allowed. */
    public String check(String name, String value) {
        switch (kind) {
            case TEXT:
                return null;
            case BOOLEAN:
            case CHOICE:
            case LIST:
                return values.contains(value) ? null
                        : name + " must be one of " + String.join(", ", values) + "; got '" + value + "'";
            case INTEGER:
                try {
                    long number = Long.parseLong(value);
                    return number >= min && number <= max ? null
                            : name + " must be from " + min + " to " + max + "; got " + value;
                } catch (NumberFormatException notANumber) {
                    return name + " must be an integer; got '" + value + "'";
                }
            case SID:
                return pattern.matcher(value).matches() ? null
                        : name + " must be " + values.get(0) + " followed by 32 hex digits; got '" + value + "'";
            case LENGTH:
                return value.length() >= min && value.length() <= max ? null
                        : name + " must be " + min + " to " + max + " characters long; got " + value.length();
            case DATE:
                try {
                    java.time.LocalDate.parse(value);
                    return null;
                } catch (java.time.format.DateTimeParseException notADay) {
                    return name + " must be a date as YYYY-MM-DD; got '" + value + "'";
                }
            default:
                throw new IllegalStateException(kind.toString());
        }
    }
}
