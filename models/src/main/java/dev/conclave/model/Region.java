package dev.conclave.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The region where a conference's audio is mixed ({@code Region} of a create).
 *
 * <p>Known values are constants; {@link #of(String)} also accepts a value Twilio adds later and keeps its
 * text. Compare with {@code equals}.
 */
public final class Region extends WireValue {
    /** {@code us1}: United States (Virginia). */
    public static final Region US1 = new Region("us1");

    /** {@code us2}: United States (Oregon). */
    public static final Region US2 = new Region("us2");

    /** {@code ie1}: Ireland. */
    public static final Region IE1 = new Region("ie1");

    /** {@code de1}: Germany. */
    public static final Region DE1 = new Region("de1");

    /** {@code sg1}: Singapore. */
    public static final Region SG1 = new Region("sg1");

    /** {@code br1}: Brazil. */
    public static final Region BR1 = new Region("br1");

    /** {@code au1}: Australia. */
    public static final Region AU1 = new Region("au1");

    /** {@code jp1}: Japan. */
    public static final Region JP1 = new Region("jp1");

    private static final List<Region> KNOWN = List.of(US1, US2, IE1, DE1, SG1, BR1, AU1, JP1);
    private static final Map<String, Region> BY_VALUE = WireValues.index(KNOWN);

    private Region(String value) {
        super("Region", value);
    }

    /**
     * Returns the constant for a known value, or a new instance that keeps an unknown value's text.
     *
     * @param value the wire text, case-sensitive
     * @throws IllegalArgumentException if the text is empty or holds control characters
     * @throws NullPointerException if the text is null
     */
    public static Region of(String value) {
        Region known = BY_VALUE.get(Objects.requireNonNull(value, "Region: value must not be null"));
        return known != null ? known : new Region(value);
    }

    /** The values known to this version of Conclave, in Twilio's documented order. */
    public static List<Region> knownValues() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return BY_VALUE.get(value()) == this;
    }
}
