package dev.conclave.transport.netty.internal;

import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.Method;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.AttributeKey;
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
    /** How often an exchange takes another connection when the one it got closed before anything was sent. */
    private static final int STALE_RETRIES = 3;
    /** Why a connection's TLS handshake failed; an attribute outlives the pipeline, which closing empties. */
    static final AttributeKey<Throwable> TLS_FAILURE = AttributeKey.valueOf("conclave.tlsFailure");
    /** When a connection last came back after a complete exchange (System.nanoTime()); unset on a new one. */
    static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("conclave.idleSince");
    /**
     * How long a POST waits before going out on a connection that finished its last exchange just now: a server
     * that closes after answering has its close seen first, so the create goes out on another connection instead.
     * The same margin as Apache's stale check.
     */
    static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

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
     * @param loop the event loop that runs the pool and every connection to the host
     * @param mode the channel kind matching the group
     * @param resolver the non-blocking resolver
     * @param sslContext the TLS context for https hosts
     * @param limits pool size, queue, timeouts and body limit
     * @param channels every open connection of the transport, for closing them all
     * @param transportClosed set when the transport is closed, so failures then read as cancellations
     * @param pendingAcquires the transport's count of exchanges waiting for a connection
     */
    public HostPool(HostKey key, EventLoop loop, IoMode mode, AddressResolverGroup<InetSocketAddress> resolver,
                    SSLContext sslContext, PoolLimits limits, ChannelGroup channels, AtomicBoolean transportClosed,
                    AtomicInteger pendingAcquires) {
        this.key = key;
        this.limits = limits;
        this.sslContext = sslContext;
        this.channels = channels;
        this.transportClosed = transportClosed;
        this.pendingAcquires = pendingAcquires;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
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
        acquire(request, result, STALE_RETRIES);
        return result;
    }

    private void acquire(HttpRequest request, CompletableFuture<HttpResponse> result, int retriesLeft) {
        pendingAcquires.incrementAndGet();
        pool.acquire().addListener((Future<Channel> acquired) -> {
            pendingAcquires.decrementAndGet();
            if (!acquired.isSuccess()) {
                result.completeExceptionally(Failures.acquireFailed(acquired.cause(), key, limits,
                        transportClosed.get()));
                return;
            }
            Channel channel = acquired.getNow();
            try {
                if (channel.eventLoop().inEventLoop()) {
                    begin(channel, request, result, retriesLeft);
                } else {
                    channel.eventLoop().execute(() -> begin(channel, request, result, retriesLeft));
                }
            } catch (RejectedExecutionException shuttingDown) {
                result.completeExceptionally(new TransportException(Reason.CANCELLED,
                        "the Netty transport's event loop is shutting down", shuttingDown));
                try {
                    channel.close();
                    release(channel);
                } catch (RuntimeException alsoShuttingDown) {
                    // The pool is going away with its event loop; nothing is left to give back to.
                }
            }
        });
    }

    /**
     * On the connection's event loop, where its close is decided: starts the exchange if the connection is still
     * open, else gives it back and tries another (nothing was sent on it), a bounded number of times; likewise when
     * the request's one write fails on it.
     */
    private void begin(Channel channel, HttpRequest request, CompletableFuture<HttpResponse> result,
                       int retriesLeft) {
        ExchangeHandler handler = channel.pipeline().get(ExchangeHandler.class);
        Long idleSince = channel.attr(IDLE_SINCE).getAndSet(null);
        if (idleSince != null && request.method() == Method.POST && handler != null && channel.isActive()) {
            long wait = SETTLE_NANOS - (System.nanoTime() - idleSince);
            if (wait > 0) {
                // The event loop reads what already arrived on the connection (a close) before this runs again.
                try {
                    channel.eventLoop().schedule(() -> begin(channel, request, result, retriesLeft), wait,
                            TimeUnit.NANOSECONDS);
                    return;
                } catch (RejectedExecutionException shuttingDown) {
                    // The loop is going away: go on now, and the exchange fails as any other would.
                }
            }
        }
        if (handler != null && channel.isActive()) {
            handler.start(request, result, () -> {
                if (retriesLeft > 0) {
                    acquire(request, result, retriesLeft - 1);
                } else {
                    result.completeExceptionally(new TransportException(Reason.CONNECT_FAILED, "connections to "
                            + key + " kept closing before the request could be written on them", null));
                }
            });
            return;
        }
        release(channel);
        Throwable tlsFailure = channel.attr(TLS_FAILURE).get();
        if (result.isDone()) {
            return;
        }
        if (tlsFailure != null) {
            result.completeExceptionally(Failures.tls(tlsFailure, key));
        } else if (transportClosed.get()) {
            result.completeExceptionally(Failures.acquireFailed(null, key, limits, true));
        } else if (retriesLeft > 0) {
            acquire(request, result, retriesLeft - 1);
        } else {
            result.completeExceptionally(new TransportException(Reason.CONNECT_FAILED, "connections to " + key
                    + " kept closing before the request could be sent on them", null));
        }
    }

    /** Gives a connection back; a closed one is discarded by the pool's health check. */
    void release(Channel channel) {
        pool.release(channel);
    }

    /** Gives a connection back after a complete exchange, noting when, for the next POST's settle wait. */
    void releaseAfterExchange(Channel channel) {
        channel.attr(IDLE_SINCE).set(System.nanoTime());
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
                tls.handshakeFuture().addListener(handshake -> {
                    if (!handshake.isSuccess()) {
                        channel.attr(TLS_FAILURE).set(handshake.cause());
                    }
                });
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
