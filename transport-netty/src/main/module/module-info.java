import dev.conclave.transport.netty.NettyTransportProvider;

/**
 * Conclave's non-blocking transport on Netty 4.2, registered under the name {@code netty}. It uses epoll when
 * Netty's native epoll library for the platform is present, and NIO otherwise.
 */
module dev.conclave.transport.netty {
    requires transitive dev.conclave.http;
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.resolver;
    requires io.netty.resolver.dns;

    exports dev.conclave.transport.netty;

    provides dev.conclave.http.TransportProvider with NettyTransportProvider;
}
