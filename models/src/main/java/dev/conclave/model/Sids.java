package dev.conclave.model;

/**
 * Twilio resource identifiers (SIDs): a two-letter type prefix followed by 32 hex digits, such as
 * {@code AC...} for accounts, {@code CF...} for conferences, {@code CA...} for calls and {@code SK...} for
 * API keys.
 */
public final class Sids {
    /** Account SIDs. */
    public static final String ACCOUNT = "AC";
    /** Conference SIDs. */
    public static final String CONFERENCE = "CF";
    /** Call SIDs. */
    public static final String CALL = "CA";
    /** API key SIDs. */
    public static final String API_KEY = "SK";

    private Sids() {
    }

    /**
     * Whether {@code value} is a SID with this prefix.
     *
     * @param prefix the two-letter prefix, e.g. {@link #CONFERENCE}
     * @param value the text to check; {@code null} is not a SID
     * @return true for exactly the prefix followed by 32 hex digits
     */
    public static boolean isSid(String prefix, String value) {
        return value != null && Checks.isSid(value, prefix);
    }

    /**
     * Returns {@code value} if it is a SID with this prefix.
     *
     * @param field the name of the argument, for the message
     * @param prefix the two-letter prefix
     * @param value the text to check
     * @return the value
     * @throws IllegalArgumentException if the value is null or not such a SID; the message names the field
     */
    public static String require(String field, String prefix, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required: expected " + prefix
                    + " followed by 32 hex digits");
        }
        if (!Checks.isSid(value, prefix)) {
            throw new IllegalArgumentException(field + " must be " + prefix
                    + " followed by 32 hex digits (34 characters), got a " + value.length() + "-character value");
        }
        return value;
    }
}
