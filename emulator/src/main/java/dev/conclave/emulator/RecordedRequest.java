package dev.conclave.emulator;

import dev.conclave.emulator.internal.Forms;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the emulator received, for assertions: exactly as it arrived, with the status it was answered.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the path as received, still percent-encoded
 * @param rawQuery the query string as received, or {@code null} when there was none
 * @param headers the header fields in arrival order, names as sent
 * @param body the body bytes (a copy)
 * @param responseStatus the status the emulator answered with (or began to), -1 when it reset the connection
 *     before answering
 * @param fault the {@link Fault#label()} of the fault injected into this exchange, or {@code null}
 */
public record RecordedRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                              byte[] body, int responseStatus, String fault) {
    /**
     * Copies the mutable parts.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param rawPath the path as received, still percent-encoded
     * @param rawQuery the query string as received, or {@code null} when there was none
     * @param headers the header fields in arrival order, names as sent; copied, not {@code null}
     * @param body the body bytes; copied, not {@code null}
     * @param responseStatus the status the emulator answered with (or began to), -1 when it reset the connection
     *     before answering
     * @param fault the {@link Fault#label()} of the fault injected into this exchange, or {@code null}
     * @throws NullPointerException if {@code headers} or {@code body} is {@code null}, or {@code headers} holds a
     *     {@code null} entry
     */
    public RecordedRequest {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** {@return a copy of the body bytes} */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The first value of a header, matched case-insensitively.
     *
     * @param name the header name, in any case
     * @return the first value, or empty if the request had no such header
     */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** {@return the body as UTF-8 text} */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@return the form parameters, decoded, in wire order: from the body of a POST, from the query otherwise} */
    public List<Map.Entry<String, String>> formParameters() {
        return method.equals("POST") ? Forms.parse(bodyText()) : queryParameters();
    }

    /** {@return the query parameters, decoded, in wire order; empty without a query} */
    public List<Map.Entry<String, String>> queryParameters() {
        return Forms.parse(rawQuery);
    }

    /**
     * Every value of one form parameter, in order.
     *
     * @param name the parameter name, matched exactly (case-sensitively)
     * @return the values, empty if the parameter was not sent; unmodifiable
     */
    public List<String> formValues(String name) {
        return formParameters().stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    /** Shows method, path and status; not headers (credentials) or body. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + ' ' + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + " -> "
                + responseStatus + (fault == null ? "" : " (" + fault + ')') + ']';
    }
}
