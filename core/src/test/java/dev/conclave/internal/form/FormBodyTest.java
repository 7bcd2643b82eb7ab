package dev.conclave.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormBodyTest {
    @Test
    void encodesExactlyAsTheJdksFormEncoderOnRandomText() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                int kind = random.nextInt(6);
                int codePoint = switch (kind) {
                    case 0 -> random.nextInt(128);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0x800 + random.nextInt(0xD000);
                    case 3 -> 0x10000 + random.nextInt(0x100000);
                    case 4 -> 0xD800 + random.nextInt(0x800); // a lone surrogate
                    default -> " +%&=/?#".charAt(random.nextInt(8));
                };
                text.appendCodePoint(codePoint);
            }
            String value = text.toString();
            FormBody body = new FormBody().add("Label", value).add("Muted", Boolean.TRUE);
            String expected = "Label=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&Muted=true";
            assertThat(body.text()).as(value).isEqualTo(expected);
            assertThat(body.bytes()).isEqualTo(expected.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void growsForLongValuesAndSkipsNulls() {
        String longValue = "\u20ac".repeat(5_000);
        FormBody body = new FormBody().add("A", (String) null).add("B", longValue).add("C", (Integer) null);
        assertThat(body.text()).isEqualTo("B=" + "%E2%82%AC".repeat(5_000));
        assertThat(new FormBody().isEmpty()).isTrue();
    }
}
