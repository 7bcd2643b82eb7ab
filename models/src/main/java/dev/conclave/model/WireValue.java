package dev.conclave.model;

import java.util.Objects;

/**
 * A value from one of Twilio's value sets as it appears on the wire, e.g. {@code onEnter} or {@code ringing}.
 *
 * <p>Twilio adds values over time. Each value type therefore has constants for the values known today and
 * an {@code of(String)} factory that accepts any other text and keeps it as it is, so a new value can be sent
 * before Conclave knows it, and a received one is never dropped. Two instances are equal when they are of
 * the same type and hold the same text.
 */
public abstract class WireValue {
    private final String value;

    // Package-private: the value types of this package are the only subclasses.
    WireValue(String typeName, String value) {
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
    }

    /** The exact text sent to or received from Twilio. */
    public final String value() {
        return value;
    }

    /** Whether this is one of the values the type declares as a constant (as opposed to a raw, newer one). */
    public abstract boolean isKnown();

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
