package dev.conclave;

/**
 * The root of every exception Conclave throws for a failed call: {@link ApiException} (Twilio answered with
 * an error), {@link TransportException} (no complete answer) and {@link DecodingException} (an answer that
 * could not be read). Invalid input is reported as {@link IllegalArgumentException} before anything is sent.
 *
 * <p>Messages never contain credentials or request bodies.
 */
public class ConclaveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message and an optional cause. */
    public ConclaveException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an exception with a message. */
    public ConclaveException(String message) {
        super(message);
    }
}
