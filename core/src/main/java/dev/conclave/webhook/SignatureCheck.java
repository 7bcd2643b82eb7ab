package dev.conclave.webhook;

import java.util.Objects;

/**
 * The result of checking a callback's {@code X-Twilio-Signature}: valid, or which check failed and why.
 *
 * @param outcome what was found
 * @param detail a sentence saying why, for logs (never a secret, never the expected signature)
 */
public record SignatureCheck(Outcome outcome, String detail) {
    /** What the check found. */
    public enum Outcome {
        /** The signature matches (and, for a JSON body, so does its SHA-256). */
        VALID,
        /** The request carries no {@code X-Twilio-Signature} header (or it is blank). */
        MISSING_SIGNATURE,
        /** The signature does not match the URL and parameters with any of the auth tokens. */
        SIGNATURE_MISMATCH,
        /** A JSON body was checked but the URL has no {@code bodySHA256} query parameter. */
        MISSING_BODY_HASH,
        /** The signature matches, but the body's SHA-256 is not the URL's {@code bodySHA256}. */
        BODY_HASH_MISMATCH
    }

    /**
     * Checks that both parts are present.
     *
     * @param outcome what was found; not {@code null}
     * @param detail a sentence saying why, for logs (never a secret, never the expected signature); not {@code null}
     * @throws NullPointerException if {@code outcome} or {@code detail} is {@code null}
     */
    public SignatureCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@return whether the request is proven to come from Twilio} */
    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
