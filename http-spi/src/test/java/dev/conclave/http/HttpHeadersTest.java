package dev.conclave.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpHeadersTest {
    @Test
    void namesMatchCaseInsensitivelyAndKeepOrder() {
        HttpHeaders headers = HttpHeaders.builder().add("X-A", "1").add("x-a", "2").add("B", "3").build();
        assertThat(headers.first("x-A")).contains("1");
        assertThat(headers.all("X-a")).containsExactly("1", "2");
        assertThat(headers.toBuilder().set("x-a", "9").build().all("X-A")).containsExactly("9");
        assertThat(headers.size()).isEqualTo(3);
    }

    @Test
    void refusesHeaderInjection() {
        assertThatThrownBy(() -> HttpHeaders.of("X-Label", "a\r\nSet-Cookie: x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Label").hasMessageContaining("CR");
        assertThatThrownBy(() -> HttpHeaders.of("Bad Name", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsValues() {
        HttpRequest request = HttpRequest.of(Method.POST, URI.create("https://api.twilio.com/x?Secret=1"),
                HttpHeaders.of("Authorization", "Basic c2VjcmV0"), "SipAuthPassword=hunter2".getBytes());
        assertThat(request.toString()).contains("Authorization").doesNotContain("c2VjcmV0")
                .doesNotContain("hunter2").doesNotContain("Secret=1");
        assertThat(request.bodyBytes()).isEqualTo("SipAuthPassword=hunter2".getBytes());
    }
}
