package dev.conclave.transport.jdk;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;

/**
 * Makes {@link JdkTransport}s for {@code ConclaveClient}, found by {@link java.util.ServiceLoader} under the name
 * {@code jdk}. Its priority, {@value #PRIORITY}, is the lowest of Conclave's transports (Apache 100, Netty 200),
 * so it is the one chosen only when neither of the others is present, unless it is named.
 */
public final class JdkTransportProvider implements TransportProvider {
    /** This provider's priority: below Apache's and Netty's. */
    public static final int PRIORITY = 50;

    /** For {@link java.util.ServiceLoader}. */
    public JdkTransportProvider() {
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return JdkTransport.create(settings);
    }
}
