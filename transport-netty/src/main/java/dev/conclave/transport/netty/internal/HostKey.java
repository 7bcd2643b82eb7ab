package dev.conclave.transport.netty.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Where connections go: scheme, host and port. One connection pool per key.
 *
 * @param secure whether the scheme is https
 * @param host the host as written in the URI (an IPv6 literal keeps its brackets)
 * @param port the port, the scheme's default when the URI has none
 */
public record HostKey(boolean secure, String host, int port) {
    /**
     * The key of a request URI.
     *
     * @throws IllegalArgumentException if the scheme is neither http nor https
     */
    public static HostKey of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure;
        if (scheme.equals("https")) {
            secure = true;
        } else if (scheme.equals("http")) {
            secure = false;
        } else {
            throw new IllegalArgumentException("uri: only http and https are supported, got " + scheme + "://");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        return new HostKey(secure, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** The host without IPv6 brackets, for connecting and for TLS. */
    public String bareHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The value of the {@code Host} header: the port only when it is not the scheme's default. */
    public String hostHeader() {
        return port == (secure ? 443 : 80) ? host : host + ':' + port;
    }

    /** An unresolved address, resolved by the transport's non-blocking resolver when connecting. */
    public InetSocketAddress unresolvedAddress() {
        return InetSocketAddress.createUnresolved(bareHost(), port);
    }

    @Override
    public String toString() {
        return host + ':' + port;
    }
}
