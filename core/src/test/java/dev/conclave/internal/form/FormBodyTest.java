package dev.conclave.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormBodyTest {
    @Test
    void encodesWellFormedTextExactlyAsTheJdksFormEncoder() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                int kind = random.nextInt(5);
                int codePoint = switch (kind) {
                    case 0 -> random.nextInt(128);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0x800 + random.nextInt(0xD000);
                    case 3 -> 0x10000 + random.nextInt(0x100000);
                    default -> " +%&=/?#".charAt(random.nextInt(8));
                };
                text.appendCodePoint(codePoint);
            }
            String value = text.toString();
            FormBody body = new FormBody().add(FormBody.name("Label"), value)
                    .add(FormBody.name("Muted"), Boolean.TRUE);
            String expected = "Label=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&Muted=true";
            assertThat(body.text()).as(value).isEqualTo(expected);
            assertThat(body.bytes()).isEqualTo(expected.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Fixed vectors, so that the result does not depend on the JDK the tests run on (JDK 25's URLEncoder changed
     * how it replaces some unpaired surrogates): each unpaired surrogate goes out as {@code ?}, as JDK 17's did.
     */
    @Test
    void encodesFixedVectorsOnEveryJdk() {
        String[][] vectors = {
            {"AZaz09.-*_", "AZaz09.-*_"},
            {"a b", "a+b"},
            {" +%&=/?#~", "+%2B%25%26%3D%2F%3F%23%7E"},
            {"\u00e9\u20ac", "%C3%A9%E2%82%AC"},
            {"x\uD83D\uDE00y", "x%F0%9F%98%80y"},
            {"\uD800", "%3F"},
            {"a\uDC00b", "a%3Fb"},
            {"\uD9D1\uD99D\uB761", "%3F%3F%EB%9D%A1"},
            {"\uDC00\uD800x", "%3F%3Fx"},
            {"\uD800\uD800\uDC00", "%3F%F0%90%80%80"},
        };
        for (String[] vector : vectors) {
            assertThat(new FormBody().add(FormBody.name("L"), vector[0]).text()).as(vector[1]).isEqualTo("L=" + vector[1]);
        }
    }

    @Test
    void growsForLongValuesAndSkipsNulls() {
        String longValue = "\u20ac".repeat(5_000);
        FormBody body = new FormBody().add(FormBody.name("A"), (String) null).add(FormBody.name("B"), longValue)
                .add(FormBody.name("C"), (Integer) null);
        assertThat(body.text()).isEqualTo("B=" + "%E2%82%AC".repeat(5_000));
        assertThat(new FormBody().isEmpty()).isTrue();
    }
}
