package dev.conclave.model.internal;

import java.time.Instant;

/**
 * Where a decoded {@link dev.conclave.model.Participant} reads the values its decoder left undecoded: for
 * Conclave's own decoder, which leaves a page's text in the response bytes until an application asks for it.
 * Not for applications; this package may change in any release.
 *
 * <p>A participant asks for a deferred value each time it is used, from any thread: a source keeps what it has
 * read if a value should be made once, and must answer equal values each time.
 */
public interface DeferredValues {
    /** Passed for a text value in {@link dev.conclave.model.Participant#deferred}: "ask the source". */
    String TEXT = new String("(deferred)");

    /** Passed for a date in {@link dev.conclave.model.Participant#deferred}: "ask the source". */
    Instant DATE = Instant.ofEpochSecond(0, 1);

    /** The values a participant may defer. */
    enum Value {
        /** {@code call_sid}, text. */
        CALL_SID,
        /** {@code label}, text. */
        LABEL,
        /** {@code call_sid_to_coach}, text. */
        CALL_SID_TO_COACH,
        /** {@code date_created}, a date. */
        DATE_CREATED,
        /** {@code date_updated}, a date. */
        DATE_UPDATED,
        /** {@code queue_time}, text. */
        QUEUE_TIME,
        /** {@code uri}, text. */
        URI
    }

    /**
     * A deferred text value.
     *
     * @param value one of the text values
     * @return the value, or {@code null}
     * @throws RuntimeException an unchecked exception of the decoder if the value cannot be read
     */
    String text(Value value);

    /**
     * A deferred date.
     *
     * @param value {@link Value#DATE_CREATED} or {@link Value#DATE_UPDATED}
     * @return the date, or {@code null}
     * @throws RuntimeException an unchecked exception of the decoder (Conclave's: a {@code DecodingException}
     *     naming the field) if the date cannot be read
     */
    Instant date(Value value);
}
