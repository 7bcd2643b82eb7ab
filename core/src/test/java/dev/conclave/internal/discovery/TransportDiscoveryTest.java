package dev.conclave.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportDiscoveryTest {
    private record Named(String name, int priority) implements TransportProvider {
        @Override
        public HttpTransport create(TransportSettings settings) {
            throw new UnsupportedOperationException("not used by choose()");
        }
    }

    @Test
    void noProviderNamesBothArtifacts() {
        assertThatThrownBy(() -> TransportDiscovery.choose(List.of(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev.conclave:conclave-transport-apache")
                .hasMessageContaining("dev.conclave:conclave-transport-netty");
    }

    @Test
    void firstIsHighestPriorityUnlessNamed() {
        List<TransportProvider> providers = List.of(new Named("netty", 200), new Named("apache", 100));
        assertThat(TransportDiscovery.choose(providers, null).name()).isEqualTo("netty");
        assertThat(TransportDiscovery.choose(providers, "apache").name()).isEqualTo("apache");
        assertThatThrownBy(() -> TransportDiscovery.choose(providers, "okhttp"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("okhttp")
                .hasMessageContaining("netty, apache");
    }

    @Test
    void coreAloneHasNoProvider() {
        assertThat(TransportDiscovery.providers(getClass().getClassLoader())).isEmpty();
    }
}
