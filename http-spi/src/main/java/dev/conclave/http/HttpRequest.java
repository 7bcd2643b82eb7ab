package dev.conclave.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Objects;

/**
 * An immutable HTTP request as core hands it to a transport: the method, an absolute URI whose path is
 * already percent-encoded, the headers, and a body that can be sent again on a retry.
 *
 * <p>{@link #toString()} shows the method, the URI without its query and the header names, never header
 * values (they carry credentials) nor the body (it may carry {@code SipAuthPassword}).
 */
public final class HttpRequest {
    private static final byte[] NO_BODY = new byte[0];

    private final Method method;
    private final URI uri;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Duration timeout;

    private HttpRequest(Method method, URI uri, HttpHeaders headers, byte[] body, Duration timeout) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("uri: must be absolute with a host, got " + uri.getScheme() + "://...");
        }
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
        this.timeout = timeout;
    }

    /**
     * Creates a request.
     *
     * @param method the method
     * @param uri an absolute {@code http} or {@code https} URI with the path already percent-encoded
     * @param headers the header fields
     * @param body the body, copied; {@code null} or empty for none
     * @return the request, without a timeout
     * @throws IllegalArgumentException if the URI is not absolute
     */
    public static HttpRequest of(Method method, URI uri, HttpHeaders headers, byte[] body) {
        return new HttpRequest(method, uri, headers, body == null || body.length == 0 ? NO_BODY : body.clone(),
                null);
    }

    /** {@return the request method} */
    public Method method() {
        return method;
    }

    /** {@return the absolute URI, path percent-encoded, query (if any) form-encoded} */
    public URI uri() {
        return uri;
    }

    /** {@return the header fields} */
    public HttpHeaders headers() {
        return headers;
    }

    /** {@return the body length in bytes; 0 when there is none} */
    public int bodyLength() {
        return body.length;
    }

    /** {@return a copy of the body bytes; empty when there is none} */
    public byte[] bodyBytes() {
        return body.length == 0 ? NO_BODY : body.clone();
    }

    /** {@return a fresh stream over the body, readable as often as needed (retries re-read it)} */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /**
     * The most this exchange may take, from the moment the transport receives it until the whole response body
     * is read, waiting for a connection included; empty when only the transport's own timeouts apply. Core sets
     * it on every attempt (the attempt timeout, or what is left of the call's timeout if that is less).
     *
     * <p>A transport should fail the exchange with {@link dev.conclave.http.TransportException.Reason#RESPONSE_TIMEOUT}
     * (or a connect or pool reason, if it was still waiting for a connection) once this has passed, whatever the
     * server does, e.g. sends one byte a second. Core enforces it for an {@link AsyncHttpTransport} by cancelling
     * the exchange's future, but cannot interrupt a {@link BlockingHttpTransport}: a blocking transport must
     * honour it itself.
     *
     * @return the timeout of this exchange, or empty for none
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Returns a copy of this request with another timeout.
     *
     * @param newTimeout a positive duration, or {@code null} for none
     * @return the copy
     * @throws IllegalArgumentException if zero or negative
     */
    public HttpRequest withTimeout(Duration newTimeout) {
        if (newTimeout != null && (newTimeout.isNegative() || newTimeout.isZero())) {
            throw new IllegalArgumentException("timeout: must be positive, got " + newTimeout);
        }
        return new HttpRequest(method, uri, headers, body, newTimeout);
    }

    /**
     * Returns a copy of this request with one header set (replacing any of the same name).
     *
     * @param name the header name, an HTTP token
     * @param value the value; not {@code null}, without CR, LF or NUL
     * @return the copy
     * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
     */
    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, uri, headers.toBuilder().set(name, value).build(), body, timeout);
    }

    /**
     * Returns a copy of this request with other headers.
     *
     * @param newHeaders the headers that replace all of this request's; not {@code null}
     * @return the copy
     * @throws NullPointerException if {@code newHeaders} is {@code null}
     */
    public HttpRequest withHeaders(HttpHeaders newHeaders) {
        return new HttpRequest(method, uri, newHeaders, body, timeout);
    }

    @Override
    public String toString() {
        return "HttpRequest[" + method + ' ' + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
                + ", headers=" + headers + ", bodyLength=" + body.length
                + (timeout == null ? "" : ", timeout=" + timeout) + ']';
    }
}
