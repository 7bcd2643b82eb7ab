package dev.conclave.webhook;

import dev.conclave.webhook.SignatureCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a status callback really came from Twilio, by its {@code X-Twilio-Signature} header: the Base64
 * HMAC-SHA1, keyed with the account's auth token, of the full URL followed by every POST parameter sorted by
 * name (each name, then its value, no separators). For a JSON body the URL carries a {@code bodySHA256} query
 * parameter, the signature covers the URL alone, and the body's SHA-256 must equal that parameter.
 *
 * <p>The URL must be exactly the one Twilio called (scheme, host, path and query as configured). The query
 * string is used as given, never decoded or re-encoded. Because Twilio may sign the URL with or without its
 * port, each of these is tried once: the URL as given; with an explicit port, any port, removed
 * ({@code https://example.com:1234/cb} is also tried as {@code https://example.com/cb}); and without a port, with
 * the scheme's default port added ({@code https://example.com:443/cb}). Signatures are compared in constant time,
 * and every variant is compared whichever matches.
 *
 * <p>Twilio signs with the account's auth token, even when the API calls use an API key. During a token
 * rotation, pass the new token and the old one. Thread-safe; {@link #toString()} never shows a token.
 *
 * <pre>{@code
 * WebhookValidator validator = WebhookValidator.of(authToken);
 * SignatureCheck check = validator.validateForm(publicUrl, rawBody, request.getHeader("X-Twilio-Signature"));
 * if (!check.isValid()) { respond 403; log check.detail(); }
 * }</pre>
 */
public final class WebhookValidator {
    /** The request header that carries the signature. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final List<SecretKeySpec> keys;

    private WebhookValidator(List<SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * A validator for these auth tokens.
     *
     * @param authToken the account's auth token
     * @param previousTokens tokens also accepted, e.g. the one being rotated out
     * @return the validator
     * @throws IllegalArgumentException if a token is null or blank
     */
    public static WebhookValidator of(String authToken, String... previousTokens) {
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(key("authToken", authToken));
        for (String previous : previousTokens) {
            keys.add(key("previousTokens", previous));
        }
        return new WebhookValidator(List.copyOf(keys));
    }

    private static SecretKeySpec key(String field, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(field + ": an auth token is required and must not be blank");
        }
        return new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    /**
     * Checks a form-encoded callback (Twilio's default).
     *
     * @param url the full URL Twilio requested, as configured, query included
     * @param parameters the POST parameters (for a GET callback, none: they are in the URL)
     * @param signature the {@code X-Twilio-Signature} header, or {@code null} if absent
     * @return valid, or which check failed
     */
    public SignatureCheck validateForm(String url, FormParameters parameters, String signature) {
        if (signature == null || signature.isBlank()) {
            return new SignatureCheck(Outcome.MISSING_SIGNATURE, "the request has no " + SIGNATURE_HEADER + " header");
        }
        String payload = payload(parameters);
        boolean valid = false;
        for (String candidate : urlVariants(url)) {
            valid |= matches(candidate + payload, signature.trim());
        }
        if (valid) {
            return new SignatureCheck(Outcome.VALID, "the signature matches");
        }
        return new SignatureCheck(Outcome.SIGNATURE_MISMATCH, "the signature does not match the URL and parameters"
                + " (check that the URL is exactly the one configured at Twilio, scheme and query included, and that"
                + " the auth token is the account's)");
    }

    /**
     * Checks a form-encoded callback from its raw body.
     *
     * @param url the full URL Twilio requested
     * @param formBody the raw {@code application/x-www-form-urlencoded} body
     * @param signature the {@code X-Twilio-Signature} header, or {@code null}
     * @return valid, or which check failed
     * @throws IllegalArgumentException if the body is not valid form encoding
     */
    public SignatureCheck validateForm(String url, String formBody, String signature) {
        return validateForm(url, FormParameters.parse(formBody), signature);
    }

    /**
     * Checks a callback with a JSON (or any non-form) body: the signature over the URL, then the body against the
     * URL's {@code bodySHA256} parameter.
     *
     * @param url the full URL Twilio requested, including {@code bodySHA256=...}
     * @param body the body bytes exactly as received
     * @param signature the {@code X-Twilio-Signature} header, or {@code null}
     * @return valid, or which check failed
     */
    public SignatureCheck validateBody(String url, byte[] body, String signature) {
        SignatureCheck urlCheck = validateForm(url, FormParameters.of(Map.of()), signature);
        if (!urlCheck.isValid()) {
            return urlCheck;
        }
        String expected = queryValue(url, "bodySHA256");
        if (expected == null) {
            return new SignatureCheck(Outcome.MISSING_BODY_HASH, "the URL has no bodySHA256 query parameter to check"
                    + " the body against");
        }
        byte[] actual = sha256(body);
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(expected.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return new SignatureCheck(Outcome.BODY_HASH_MISMATCH, "bodySHA256 is not a hexadecimal SHA-256");
        }
        if (!MessageDigest.isEqual(actual, claimed)) {
            return new SignatureCheck(Outcome.BODY_HASH_MISMATCH, "the body's SHA-256 differs from bodySHA256: the"
                    + " body was changed or is not the one signed");
        }
        return new SignatureCheck(Outcome.VALID, "the signature and the body hash match");
    }

    /**
     * The signature Twilio would send for this URL and these parameters, with the first auth token: for tests
     * and for servers that forward callbacks.
     *
     * @param url the full URL
     * @param parameters the POST parameters
     * @return the Base64 signature
     */
    public String sign(String url, FormParameters parameters) {
        return Base64.getEncoder().encodeToString(hmac(keys.get(0), url + payload(parameters)));
    }

    private boolean matches(String data, String signature) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean any = false;
        for (SecretKeySpec key : keys) {
            // Every key is tried, so the time taken does not tell which one matched.
            any |= MessageDigest.isEqual(hmac(key, data), given);
        }
        return any;
    }

    /** Names sorted (case-sensitively), each followed by its value; repeated names once per value, sorted. */
    private static String payload(FormParameters parameters) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(parameters.asMap()).entrySet()) {
            List<String> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(null);
            for (String value : sorted) {
                text.append(entry.getKey()).append(value);
            }
        }
        return text.toString();
    }

    /**
     * The URL as given; with its explicit port removed, or, without one, with the scheme's default port added:
     * Twilio may have signed any of these. Each variant once.
     */
    static List<String> urlVariants(String url) {
        List<String> variants = new ArrayList<>(2);
        variants.add(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return variants;
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? "443" : scheme.equals("http") ? "80" : null;
        if (defaultPort == null) {
            return variants;
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        int hostStart = authority.lastIndexOf('@') + 1;
        int portColon = authority.lastIndexOf(':');
        boolean hasPort = portColon >= hostStart && portColon > authority.lastIndexOf(']');
        String rest = url.substring(authorityEnd);
        String prefix = url.substring(0, authorityStart);
        String other = hasPort ? prefix + authority.substring(0, portColon) + rest
                : prefix + authority + ':' + defaultPort + rest;
        if (!other.equals(url)) {
            variants.add(other);
        }
        return variants;
    }

    /** The raw value of a query parameter, or null; the query is not decoded (bodySHA256 is hex). */
    private static String queryValue(String url, String name) {
        int question = url.indexOf('?');
        if (question < 0) {
            return null;
        }
        int hash = url.indexOf('#', question);
        String query = url.substring(question + 1, hash < 0 ? url.length() : hash);
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA1 is not available in this JDK", unavailable);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", unavailable);
        }
    }

    /** The number of tokens only. */
    @Override
    public String toString() {
        return "WebhookValidator[tokens=" + keys.size() + ']';
    }
}
