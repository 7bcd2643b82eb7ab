package dev.conclave.transport.apache;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;

/**
 * Makes {@link ApacheTransport}s for clients that find their transport with {@link java.util.ServiceLoader}.
 * Name {@code apache}, priority 100.
 */
public final class ApacheTransportProvider implements TransportProvider {
    /** The priority of this provider: 100. */
    public static final int PRIORITY = 100;

    /** Used by {@link java.util.ServiceLoader}. */
    public ApacheTransportProvider() {
    }

    @Override
    public String name() {
        return "apache";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return ApacheTransport.create(settings);
    }
}
