package dev.conclave.transport.netty.internal;

import dev.conclave.TransportException;
import dev.conclave.TransportException.Reason;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The connections to one host: a Netty {@link FixedChannelPool} (bounded connections, a bounded queue of
 * waiting acquires with its own timeout, most recently used first, health-checked on acquire and release)
 * whose channels each carry an {@link ExchangeHandler}.
 */
public final class HostPool {
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CHUNK_BYTES = 64 * 1024;

    private final HostKey key;
    private final PoolLimits limits;
    private final SSLContext sslContext;
    private final ChannelGroup channels;
    private final AtomicBoolean transportClosed;
    private final AtomicInteger pendingAcquires;
    private final FixedChannelPool pool;

    /**
     * Creates the pool; no connection is opened until the first exchange.
     *
     * @param key the host
     * @param group the event loop connections are registered with
     * @param mode the channel kind matching the group
     * @param resolver the non-blocking resolver
     * @param sslContext the TLS context for https hosts
     * @param limits pool size, queue, timeouts and body limit
     * @param channels every open connection of the transport, for closing them all
     * @param transportClosed set when the transport is closed, so failures then read as cancellations
     * @param pendingAcquires the transport's count of exchanges waiting for a connection
     */
    public HostPool(HostKey key, EventLoopGroup group, IoMode mode, AddressResolverGroup<InetSocketAddress> resolver,
                    SSLContext sslContext, PoolLimits limits, ChannelGroup channels, AtomicBoolean transportClosed,
                    AtomicInteger pendingAcquires) {
        this.key = key;
        this.limits = limits;
        this.sslContext = sslContext;
        this.channels = channels;
        this.transportClosed = transportClosed;
        this.pendingAcquires = pendingAcquires;
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(mode.socketChannel())
                .resolver(resolver)
                .remoteAddress(key.unresolvedAddress())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis(limits.settings().connectTimeout()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
        this.pool = new FixedChannelPool(bootstrap, new Initializer(), ChannelHealthChecker.ACTIVE,
                FixedChannelPool.AcquireTimeoutAction.FAIL, millis(limits.acquireTimeout()),
                limits.settings().maxConnections(), limits.maxPendingAcquires(), true, true);
    }

    /** Runs one exchange: acquire a connection, send, read the whole response, release or close. */
    public CompletableFuture<HttpResponse> execute(HttpRequest request) {
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        pendingAcquires.incrementAndGet();
        pool.acquire().addListener((Future<Channel> acquired) -> {
            pendingAcquires.decrementAndGet();
            if (!acquired.isSuccess()) {
                result.completeExceptionally(Failures.acquireFailed(acquired.cause(), key, limits,
                        transportClosed.get()));
                return;
            }
            Channel channel = acquired.getNow();
            ExchangeHandler handler = channel.pipeline().get(ExchangeHandler.class);
            try {
                if (channel.eventLoop().inEventLoop()) {
                    handler.start(request, result);
                } else {
                    channel.eventLoop().execute(() -> handler.start(request, result));
                }
            } catch (RejectedExecutionException shuttingDown) {
                channel.close();
                release(channel);
                result.completeExceptionally(new TransportException(Reason.CANCELLED,
                        "the Netty transport's event loop is shutting down", shuttingDown));
            }
        });
        return result;
    }

    /** Gives a connection back; a closed one is discarded by the pool's health check. */
    void release(Channel channel) {
        pool.release(channel);
    }

    /** Connections lent out now. */
    public int leased() {
        return pool.acquiredChannelCount();
    }

    /** Fails waiting acquires and closes idle connections, without blocking. */
    public void close() {
        pool.closeAsync();
    }

    private static long millisLong(java.time.Duration duration) {
        return Math.max(1, duration.toMillis());
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, millisLong(duration));
    }

    private final class Initializer extends AbstractChannelPoolHandler {
        @Override
        public void channelCreated(Channel channel) {
            channels.add(channel);
            ChannelPipeline pipeline = channel.pipeline();
            if (key.secure()) {
                SSLEngine engine = sslContext.createSSLEngine(key.bareHost(), key.port());
                engine.setUseClientMode(true);
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                engine.setSSLParameters(parameters);
                SslHandler tls = new SslHandler(engine);
                tls.setHandshakeTimeoutMillis(millisLong(limits.settings().connectTimeout()));
                pipeline.addLast("tls", tls);
            }
            pipeline.addLast("http", new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK_BYTES));
            pipeline.addLast("idle", new IdleStateHandler(0, 0, millisLong(limits.idleTimeout()),
                    TimeUnit.MILLISECONDS));
            pipeline.addLast("exchange", new ExchangeHandler(HostPool.this, key, limits.settings(),
                    transportClosed));
        }
    }
}
