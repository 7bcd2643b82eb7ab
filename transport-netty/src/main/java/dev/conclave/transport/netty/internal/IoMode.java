package dev.conclave.transport.netty.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;

/** Epoll or NIO: the event loop kind and the channel classes that go with it. */
public enum IoMode {
    /** Linux epoll through Netty's native library. */
    EPOLL(EpollSocketChannel.class, EpollDatagramChannel.class),
    /** The JDK's NIO selectors; works everywhere. */
    NIO(NioSocketChannel.class, NioDatagramChannel.class);

    private final Class<? extends SocketChannel> socketChannel;
    private final Class<? extends DatagramChannel> datagramChannel;

    IoMode(Class<? extends SocketChannel> socketChannel, Class<? extends DatagramChannel> datagramChannel) {
        this.socketChannel = socketChannel;
        this.datagramChannel = datagramChannel;
    }

    /** Epoll when preferred and its native library loads, else NIO. */
    public static IoMode choose(boolean preferNative) {
        return preferNative && Epoll.isAvailable() ? EPOLL : NIO;
    }

    /**
     * The mode of a group the caller supplies.
     *
     * @throws IllegalArgumentException if it is neither an epoll nor a NIO {@link IoEventLoopGroup}
     */
    public static IoMode of(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io) {
            if (io.isIoType(NioIoHandler.class)) {
                return NIO;
            }
            if (io.isIoType(EpollIoHandler.class)) {
                return EPOLL;
            }
        }
        throw new IllegalArgumentException("eventLoopGroup: must be a MultiThreadIoEventLoopGroup with NIO or epoll, "
                + "got " + group.getClass().getName());
    }

    /** Whether this is the native (epoll) mode. */
    public boolean isNative() {
        return this == EPOLL;
    }

    /** The socket channel class for this mode. */
    public Class<? extends SocketChannel> socketChannel() {
        return socketChannel;
    }

    /** A new event loop group of daemon threads named {@code conclave-netty-N}. */
    public EventLoopGroup newGroup(int threads) {
        IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("conclave-netty", true), factory);
    }

    /** A non-blocking DNS resolver group for this mode (hosts file first, then the system's name servers). */
    public AddressResolverGroup<InetSocketAddress> newResolverGroup() {
        return new DnsAddressResolverGroup(new DnsNameResolverBuilder().datagramChannelType(datagramChannel));
    }
}
