package dev.conclave.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.webhook.SignatureCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected signatures below were computed independently of this code, with Python's standard hmac, hashlib and
 * base64 modules following Twilio's documented algorithm; the body hash is the one in Twilio's JSON example.
 */
class WebhookValidatorTest {
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final FormParameters PARAMS = FormParameters.of(Map.of("CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675310"), "Digits", List.of("1234"), "From", List.of("+14158675310"),
            "To", List.of("+18005551212")));
    private static final String SIGNED_WITHOUT_PORT = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
    private static final String SIGNED_WITH_PORT = "5s2PFy0qmPcZucb4eH4b08ZJtL0=";
    private final WebhookValidator validator = WebhookValidator.of("12345");

    @Test
    void aKnownSignatureIsValidAndSigningReproducesIt() {
        assertThat(validator.validateForm(URL, PARAMS, SIGNED_WITHOUT_PORT).outcome()).isEqualTo(Outcome.VALID);
        assertThat(validator.sign(URL, PARAMS)).isEqualTo(SIGNED_WITHOUT_PORT);
    }

    @Test
    void theUrlIsAcceptedWithAndWithoutTheDefaultPort() {
        assertThat(validator.validateForm(URL, PARAMS, SIGNED_WITH_PORT).isValid()).isTrue();
        assertThat(validator.validateForm("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS,
                SIGNED_WITHOUT_PORT).isValid()).isTrue();
        assertThat(WebhookValidator.urlVariants("http://user:pw@example.com/cb?x=1"))
                .containsExactly("http://user:pw@example.com/cb?x=1", "http://user:pw@example.com:80/cb?x=1");
        assertThat(WebhookValidator.urlVariants("https://[::1]:443/cb")).containsExactly("https://[::1]:443/cb",
                "https://[::1]/cb");
    }

    @Test
    void aUrlWithACustomPortIsAcceptedSignedWithOrWithoutThatPort() {
        String custom = "https://mycompany.com:1234/myapp.php?foo=1&bar=2";
        assertThat(validator.validateForm(custom, PARAMS, "lVkIVw/KYX3UBbKTaIuffnwPEjg=").isValid())
                .as("signed over the URL as configured").isTrue();
        assertThat(validator.validateForm(custom, PARAMS, SIGNED_WITHOUT_PORT).isValid())
                .as("signed over the URL without its port").isTrue();
        assertThat(validator.validateForm(custom, PARAMS, "ROU8ubZPbKrbn6A27ksSSzSiHLU=").isValid())
                .as("signed over another port").isFalse();
        assertThat(WebhookValidator.urlVariants(custom)).containsExactly(custom,
                "https://mycompany.com/myapp.php?foo=1&bar=2");
        assertThat(WebhookValidator.urlVariants("https://[::1]:1234/cb")).containsExactly("https://[::1]:1234/cb",
                "https://[::1]/cb");
        assertThat(WebhookValidator.urlVariants("ftp://example.com:21/x")).containsExactly("ftp://example.com:21/x");
    }

    @Test
    void aNullValueIsSignedAsAnEmptyOneAndANullNameIsRefusedByName() {
        Map<String, List<String>> withNulls = new java.util.HashMap<>();
        withNulls.put("CallSid", List.of("CA1"));
        withNulls.put("Digits", null);
        withNulls.put("From", java.util.Arrays.asList("+1", null));
        FormParameters parameters = FormParameters.of(withNulls);
        assertThat(parameters.all("Digits")).containsExactly("");
        assertThat(parameters.all("From")).containsExactly("+1", "");
        assertThat(validator.sign(URL, parameters)).isEqualTo(validator.sign(URL,
                FormParameters.parse("CallSid=CA1&Digits=&From=%2B1&From=")));
        Map<String, List<String>> nullName = new java.util.HashMap<>();
        nullName.put(null, List.of("x"));
        assertThatThrownBy(() -> FormParameters.of(nullName)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter name is null");
    }

    @Test
    void theQueryStringIsUsedAsReceivedNeitherDecodedNorReencoded() {
        FormParameters repeated = FormParameters.parse("StatusCallbackEvent=participant-join&E=b&E=a");
        WebhookValidator tok = WebhookValidator.of("tok");
        String raw = "https://example.com/cb?q=a%20b&x=%2F";
        assertThat(tok.validateForm(raw, repeated, "4xUwAX+Izke0W4OEr6z56ulS3pE=").isValid()).isTrue();
        assertThat(tok.validateForm("https://example.com/cb?q=a b&x=/", repeated, "4xUwAX+Izke0W4OEr6z56ulS3pE=")
                .isValid()).isFalse();
    }

    @Test
    void aGetCallbackIsSignedOverItsUrlWithTheParametersInTheQuery() {
        String url = "https://example.com/status?CallSid=CA1&CallStatus=ringing"
                + "&Timestamp=Tue%2C+24+Nov+2026+22%3A25%3A49+%2B0000";
        assertThat(validator.validateForm(url, "", "7yvanHnL6dOkyJMnRlOV6ZqHiSs=").isValid()).isTrue();
        assertThat(validator.validateForm(url, FormParameters.parse(url.substring(url.indexOf('?') + 1)),
                "7yvanHnL6dOkyJMnRlOV6ZqHiSs=").isValid()).as("query parameters are not body parameters").isFalse();
    }

    @Test
    void whatFailsIsNamed() {
        assertThat(validator.validateForm(URL, PARAMS, null).outcome()).isEqualTo(Outcome.MISSING_SIGNATURE);
        assertThat(validator.validateForm(URL, PARAMS, " ").outcome()).isEqualTo(Outcome.MISSING_SIGNATURE);
        FormParameters tampered = FormParameters.of(Map.of("CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+14158675310"), "Digits", List.of("9999"), "From", List.of("+14158675310"),
                "To", List.of("+18005551212")));
        SignatureCheck check = validator.validateForm(URL, tampered, SIGNED_WITHOUT_PORT);
        assertThat(check.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        assertThat(check.detail()).contains("URL").doesNotContain(SIGNED_WITHOUT_PORT);
        assertThat(WebhookValidator.of("other").validateForm(URL, PARAMS, SIGNED_WITHOUT_PORT).outcome())
                .isEqualTo(Outcome.SIGNATURE_MISMATCH);
        assertThat(validator.validateForm(URL, PARAMS, "not base64 at all!").outcome())
                .isEqualTo(Outcome.SIGNATURE_MISMATCH);
    }

    @Test
    void aPreviousTokenIsAcceptedDuringRotation() {
        WebhookValidator rotating = WebhookValidator.of("new-token", "12345");
        assertThat(rotating.validateForm(URL, PARAMS, SIGNED_WITHOUT_PORT).isValid()).isTrue();
        assertThat(rotating.toString()).isEqualTo("WebhookValidator[tokens=2]").doesNotContain("12345");
    }

    @Test
    void jsonBodiesAreCheckedAgainstBodySha256() {
        String url = "https://example.com/myapp?bodySHA256=5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9";
        byte[] body = "{\"CallSid\":\"CA1234567890ABCDE\",\"Caller\":\"+12349013030\"}".getBytes(StandardCharsets.UTF_8);
        String signature = "hPXmLwIy3Fgqv1i9KPmH/HhQ6zo=";
        assertThat(validator.validateBody(url, body, signature).outcome()).isEqualTo(Outcome.VALID);

        byte[] changed = "{\"CallSid\":\"CA1234567890ABCDE\",\"Caller\":\"+10000000000\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(validator.validateBody(url, changed, signature).outcome()).isEqualTo(Outcome.BODY_HASH_MISMATCH);

        String plain = "https://example.com/myapp";
        assertThat(validator.validateBody(plain, body, validator.sign(plain, FormParameters.of(Map.of()))).outcome())
                .isEqualTo(Outcome.MISSING_BODY_HASH);
        assertThat(validator.validateBody(url, body, "AAAA").outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
    }

    @Test
    void blankTokensAreRefused() {
        assertThatThrownBy(() -> WebhookValidator.of(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authToken");
        assertThatThrownBy(() -> WebhookValidator.of("ok", (String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previousTokens");
    }

    @Test
    void formBodiesAreDecodedAsTwilioEncodesThem() {
        FormParameters parsed = FormParameters.parse("To=%2B15558675310&Label=agent+7&Empty=&Flag&E=a&E=b");
        assertThat(parsed.first("To")).contains("+15558675310");
        assertThat(parsed.first("Label")).contains("agent 7");
        assertThat(parsed.first("Empty")).contains("");
        assertThat(parsed.first("Flag")).contains("");
        assertThat(parsed.all("E")).containsExactly("a", "b");
        assertThat(parsed.toString()).doesNotContain("15558675310");
        assertThatThrownBy(() -> FormParameters.parse("a=%ZZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }
}
