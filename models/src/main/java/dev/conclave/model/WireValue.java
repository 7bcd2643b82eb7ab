package dev.conclave.model;

import java.util.Objects;

/**
 * A value from one of Twilio's value sets as it appears on the wire, e.g. {@code onEnter} or {@code ringing}.
 *
 * <p>Twilio adds values over time. Each value type therefore has constants for the values known today, an
 * {@code of(String)} factory that accepts any other text and keeps it as it is, so that a received value is never
 * dropped, and an {@code unlisted(String)} factory for sending a value Twilio added after this release. A request
 * builder refuses an unknown value made by {@code of} (the message names the field and the allowed values), so
 * that a typo fails before anything is sent; a value made by {@code unlisted} is sent as it is. Two instances are
 * equal when they are of the same type and hold the same text, however they were made.
 */
public abstract class WireValue {
    private final String value;
    private final boolean unlisted;

    // Package-private: the value types of this package are the only subclasses.
    WireValue(String typeName, String value, boolean unlisted) {
        Objects.requireNonNull(value, () -> typeName + ": value must not be null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(typeName + ": value must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(typeName + ": value must not contain control characters");
            }
        }
        this.value = value;
        this.unlisted = unlisted;
    }

    /** {@return the exact text sent to or received from Twilio} */
    public final String value() {
        return value;
    }

    /**
     * Whether this is one of the values the type declares as a constant (as opposed to a raw, newer one).
     *
     * @return {@code true} for a constant's value, {@code false} for any other text
     */
    public abstract boolean isKnown();

    /** Whether this value was made by {@code unlisted(String)}: a request sends it although no field lists it. */
    final boolean unlisted() {
        return unlisted;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((WireValue) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + value.hashCode();
    }

    /** The wire text itself. */
    @Override
    public final String toString() {
        return value;
    }
}
