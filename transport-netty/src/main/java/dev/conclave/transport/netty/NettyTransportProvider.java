package dev.conclave.transport.netty;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;

/**
 * Makes {@link NettyTransport}s for clients that find their transport with {@link java.util.ServiceLoader}.
 * Name {@code netty}, priority 200: above the blocking Apache transport (100), because a non-blocking
 * transport serves the async API without a thread per call and the sync API just as well.
 */
public final class NettyTransportProvider implements TransportProvider {
    /** The priority of this provider: 200. */
    public static final int PRIORITY = 200;

    /** Used by {@link java.util.ServiceLoader}. */
    public NettyTransportProvider() {
    }

    @Override
    public String name() {
        return "netty";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return NettyTransport.create(settings);
    }
}
