package dev.conclave.examples.jdk;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;

/**
 * Makes {@link JdkHttpTransport}s for {@code ConclaveClient}: registered in
 * {@code META-INF/services/dev.conclave.http.TransportProvider}, chosen with {@code .transport("jdk")} or
 * {@code -Dconclave.transport=jdk}. Its priority, 50, is below the built-in transports', so it is never picked
 * by accident when they are present.
 */
public final class JdkTransportProvider implements TransportProvider {
    /** For {@link java.util.ServiceLoader}. */
    public JdkTransportProvider() {
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return new JdkHttpTransport(settings, null);
    }
}
