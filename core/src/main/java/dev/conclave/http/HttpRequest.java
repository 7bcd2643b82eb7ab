package dev.conclave.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
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

    private HttpRequest(Method method, URI uri, HttpHeaders headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("uri: must be absolute with a host, got " + uri.getScheme() + "://...");
        }
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
    }

    /**
     * Creates a request.
     *
     * @param method the method
     * @param uri an absolute {@code http} or {@code https} URI with the path already percent-encoded
     * @param headers the header fields
     * @param body the body, copied; {@code null} or empty for none
     * @throws IllegalArgumentException if the URI is not absolute
     */
    public static HttpRequest of(Method method, URI uri, HttpHeaders headers, byte[] body) {
        return new HttpRequest(method, uri, headers, body == null || body.length == 0 ? NO_BODY : body.clone());
    }

    /** The request method. */
    public Method method() {
        return method;
    }

    /** The absolute URI, path percent-encoded, query (if any) form-encoded. */
    public URI uri() {
        return uri;
    }

    /** The header fields. */
    public HttpHeaders headers() {
        return headers;
    }

    /** The body length in bytes; 0 when there is none. */
    public int bodyLength() {
        return body.length;
    }

    /** A copy of the body bytes; empty when there is none. */
    public byte[] bodyBytes() {
        return body.length == 0 ? NO_BODY : body.clone();
    }

    /** A fresh stream over the body, readable as often as needed (retries re-read it). */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** Returns a copy of this request with one header set (replacing any of the same name). */
    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, uri, headers.toBuilder().set(name, value).build(), body);
    }

    /** Returns a copy of this request with other headers. */
    public HttpRequest withHeaders(HttpHeaders newHeaders) {
        return new HttpRequest(method, uri, newHeaders, body);
    }

    @Override
    public String toString() {
        return "HttpRequest[" + method + ' ' + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
                + ", headers=" + headers + ", bodyLength=" + body.length + ']';
    }
}
