package dev.conclave.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    @Test
    void regionAndEdgeMakeTheHost() {
        assertThat(Endpoints.forRegion(null, null)).isEqualTo(URI.create("https://api.twilio.com"));
        assertThat(Endpoints.forRegion("ie1", null)).isEqualTo(URI.create("https://api.ie1.twilio.com"));
        assertThat(Endpoints.forRegion("au1", "sydney")).isEqualTo(URI.create("https://api.sydney.au1.twilio.com"));
        assertThat(Endpoints.forRegion(null, "dublin")).isEqualTo(URI.create("https://api.dublin.us1.twilio.com"));
        assertThatThrownBy(() -> Endpoints.forRegion("IE1/evil", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThat(Endpoints.checkBaseUri(URI.create("http://127.0.0.1:8080/"))).hasToString("http://127.0.0.1:8080");
        assertThat(Endpoints.checkBaseUri(URI.create("http://localhost:1/proxy/"))).hasToString("http://localhost:1/proxy");
        assertThat(Endpoints.checkBaseUri(URI.create("http://[::1]:9"))).hasToString("http://[::1]:9");
        assertThat(Endpoints.checkBaseUri(URI.create("https://twilio.example.com"))).hasToString("https://twilio.example.com");
        assertThatThrownBy(() -> Endpoints.checkBaseUri(URI.create("http://10.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> Endpoints.checkBaseUri(URI.create("http://127.0.0.1.evil.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> Endpoints.checkBaseUri(URI.create("ftp://127.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme");
        assertThatThrownBy(() -> Endpoints.checkBaseUri(URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }
}
