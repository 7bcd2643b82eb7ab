package dev.conclave.http;

/**
 * The root of every exception Conclave throws for a failed call: {@code dev.conclave.ApiException} (Twilio
 * answered with an error), {@link TransportException} (no complete answer) and
 * {@code dev.conclave.DecodingException} (an answer that could not be read). Invalid input is reported as
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <p>Messages never contain credentials or request bodies.
 *
 * <p>It lives in the transport SPI ({@code conclave-http-spi}) rather than in core so that a transport's
 * {@link TransportException} is one too; catch it to handle every failure of a call in one place.
 */
public class ConclaveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message and an optional cause.
     *
     * @param message the detail message
     * @param cause the underlying failure, or {@code null} if there is none
     */
    public ConclaveException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception with a message.
     *
     * @param message the detail message
     */
    public ConclaveException(String message) {
        super(message);
    }
}
