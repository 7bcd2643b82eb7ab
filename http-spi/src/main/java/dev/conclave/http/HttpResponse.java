package dev.conclave.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An immutable HTTP response as a transport returns it to core: status, headers and the whole body.
 * Transports do not follow redirects or decompress: a 3xx comes back as it is.
 */
public final class HttpResponse {
    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    private HttpResponse(int status, HttpHeaders headers, byte[] body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status: must be 100..999, got " + status);
        }
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
    }

    /**
     * Creates a response, copying the body.
     *
     * @param status the HTTP status code, 100 to 999
     * @param headers the header fields; not {@code null}
     * @param body the body, copied; {@code null} or empty for none
     * @return the response
     * @throws IllegalArgumentException if the status is outside 100..999
     */
    public static HttpResponse of(int status, HttpHeaders headers, byte[] body) {
        return new HttpResponse(status, headers, body == null || body.length == 0 ? NO_BODY : body.clone());
    }

    /**
     * Creates a response that takes ownership of {@code body} without copying it; for transports that
     * have just read the bytes into a fresh array and never touch it again.
     *
     * @param status the HTTP status code, 100 to 999
     * @param headers the header fields; not {@code null}
     * @param body the body, kept as it is; {@code null} for none
     * @return the response
     * @throws IllegalArgumentException if the status is outside 100..999
     */
    public static HttpResponse wrap(int status, HttpHeaders headers, byte[] body) {
        return new HttpResponse(status, headers, body == null ? NO_BODY : body);
    }

    /** {@return the HTTP status code, such as 404} */
    public int status() {
        return status;
    }

    /** {@return the header fields} */
    public HttpHeaders headers() {
        return headers;
    }

    /** {@return the body length in bytes; 0 when there is none} */
    public int bodyLength() {
        return body.length;
    }

    /** {@return a copy of the body bytes} */
    public byte[] bodyBytes() {
        return body.length == 0 ? NO_BODY : body.clone();
    }

    /**
     * Hands the body to a reader in place, without copying it: for decoders. The reader must not modify the array;
     * it may keep it, since a response never changes its body (Conclave's page decoder leaves values in it for
     * the participants to read when asked).
     *
     * @param <T> what the reader makes of the body
     * @param reader reads {@code length} bytes of {@code bytes} from {@code offset}
     * @return what the reader returns
     * @throws IOException as the reader throws it
     */
    public <T> T readBody(BodyReader<T> reader) throws IOException {
        return reader.read(body, 0, body.length);
    }

    /**
     * Reads a body in place; see {@link #readBody(BodyReader)}.
     *
     * @param <T> what the reader makes of the bytes
     */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * Reads the body.
         *
         * @param bytes the array holding it; not to be modified
         * @param offset where the body starts
         * @param length its length in bytes
         * @return the result
         * @throws IOException if reading fails
         */
        T read(byte[] bytes, int offset, int length) throws IOException;
    }

    /** {@return a fresh stream over the body, without copying it} */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** {@return the body decoded as UTF-8 (malformed input replaced)} */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + ", headers=" + headers + ", bodyLength=" + body.length + ']';
    }
}
