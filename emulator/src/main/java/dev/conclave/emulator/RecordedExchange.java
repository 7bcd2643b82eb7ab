package dev.conclave.emulator;

import java.nio.charset.StandardCharsets;

/**
 * One exchange the emulator served: the request as it arrived and the answer the emulator gave to it, for checks
 * that need both (for example, holding the traffic against the OpenAPI definition).
 *
 * <p>When a fault was injected ({@link RecordedRequest#fault()} is not {@code null}), the response fields hold the
 * answer the emulator meant to give; what went on the wire was spoiled by the fault, or never sent.
 *
 * @param request the request, with the status answered and the fault injected, if any
 * @param responseContentType the {@code Content-Type} of the answer, or {@code null} when it had no body
 * @param responseBody the body of the answer, empty for none (a copy)
 */
public record RecordedExchange(RecordedRequest request, String responseContentType, byte[] responseBody) {
    /**
     * Copies the body.
     *
     * @param request the request, with the status answered and the fault injected, if any
     * @param responseContentType the {@code Content-Type} of the answer, or {@code null} when it had no body
     * @param responseBody the body of the answer, empty for none; copied, not {@code null}
     * @throws NullPointerException if {@code responseBody} is {@code null}
     */
    public RecordedExchange {
        responseBody = responseBody.clone();
    }

    /** {@return a copy of the response body} */
    @Override
    public byte[] responseBody() {
        return responseBody.clone();
    }

    /** {@return the response body as UTF-8 text, empty for none} */
    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    /** Shows the request line, the status and the fault; not headers or bodies. */
    @Override
    public String toString() {
        return "RecordedExchange[" + request + ']';
    }
}
