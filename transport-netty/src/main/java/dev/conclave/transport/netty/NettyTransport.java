package dev.conclave.transport.netty;

import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.ConnectionPoolStats;
import dev.conclave.http.internal.ExchangeDeadlines;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.TransportBuilder;
import dev.conclave.http.TransportSettings;
import dev.conclave.transport.netty.internal.HostKey;
import dev.conclave.transport.netty.internal.HostPool;
import dev.conclave.transport.netty.internal.IoMode;
import dev.conclave.transport.netty.internal.PoolLimits;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A non-blocking transport on Netty 4.2: HTTP/1.1 with a keep-alive connection pool per host, TLS with host
 * name verification, and no thread per call. Thread-safe; share one.
 *
 * <p>Each host gets a pool of at most {@code maxConnections} connections; requests beyond that wait in a queue
 * of at most {@code maxPendingAcquires} for at most {@code acquireTimeout}, and fail with
 * {@link Reason#REJECTED} when the queue is full or {@link Reason#POOL_TIMEOUT} when the wait is too long
 * (nothing was sent in either case). An exchange fails with {@link Reason#RESPONSE_TIMEOUT} when no response
 * data arrives for {@code responseTimeout}; a pooled connection unused for {@code idleTimeout} is closed. A
 * body longer than {@code maxResponseBytes} is not read to its end: the connection is closed. Cancelling the
 * future returned by {@link #executeAsync(HttpRequest)} aborts the exchange and closes its connection, so a
 * half-read connection never goes back to the pool.
 *
 * <p>The event loop (epoll on Linux when its native library loads, NIO otherwise) belongs to the transport
 * and is shut down by {@link #close()}, unless the caller passed one to {@link Builder#eventLoopGroup}: then
 * the caller closes it. Each host's connections, and the pool that lends them, live on one event loop of the
 * group (hosts are spread over the loops), so an exchange stays on one thread from taking a connection to giving
 * it back. Host names are resolved with Netty's non-blocking DNS resolver. Futures complete on
 * an event loop thread: code chained to them must not block; hand blocking work to an executor of your own.
 *
 * <p>Like every Conclave transport it does no retries, follows no redirects, does not decompress and keeps
 * no cookies: core decides those.
 */
public final class NettyTransport implements AsyncHttpTransport {
    /** Default size of the queue of requests waiting for a connection, per host: 10,000. */
    public static final int DEFAULT_MAX_PENDING_ACQUIRES = 10_000;
    /** Default time a pooled connection may stay unused before it is closed: 50 seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(50);

    private final TransportSettings settings;
    private final PoolLimits limits;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final IoMode ioMode;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final SSLContext sslContext;
    private final ChannelGroup channels;
    private final ConcurrentMap<HostKey, HostPool> pools = new ConcurrentHashMap<>();
    private final AtomicInteger pendingAcquires = new AtomicInteger();
    private final Set<CompletableFuture<HttpResponse>> unfinished = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExchangeDeadlines deadlines = new ExchangeDeadlines("conclave-netty-deadline");

    private NettyTransport(Builder builder, TransportSettings settings, SSLContext sslContext) {
        this.settings = settings;
        this.limits = new PoolLimits(settings, builder.maxPendingAcquires, positive("acquireTimeout",
                builder.acquireTimeout), positive("idleTimeout", builder.idleTimeout));
        if (builder.eventLoopGroup != null) {
            this.group = builder.eventLoopGroup;
            this.ownsGroup = false;
            this.ioMode = IoMode.of(group);
        } else {
            this.ioMode = IoMode.choose(builder.preferNative);
            this.group = ioMode.newGroup(builder.ioThreads);
            this.ownsGroup = true;
        }
        this.sslContext = sslContext != null ? sslContext : defaultSslContext();
        this.resolver = ioMode.newResolverGroup();
        this.channels = new DefaultChannelGroup("conclave-netty", ImmediateEventExecutor.INSTANCE);
    }

    /**
     * Creates a transport with these settings, an event loop of its own and the JDK's default trust store.
     *
     * @param settings timeouts, pool size and body limit
     * @return the transport; close it when done
     */
    public static NettyTransport create(TransportSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return builder().connectTimeout(settings.connectTimeout()).responseTimeout(settings.responseTimeout())
                .maxConnections(settings.maxConnections()).maxResponseBytes(settings.maxResponseBytes()).build();
    }

    /**
     * Starts a builder with {@link TransportSettings#defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "netty";
    }

    /** {@return the timeouts and limits this transport honours} */
    public TransportSettings settings() {
        return settings;
    }

    /** {@return whether it runs on epoll ({@code true}) or NIO ({@code false})} */
    public boolean usesNativeTransport() {
        return ioMode.isNative();
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedError());
        }
        HostKey key;
        try {
            key = HostKey.of(request.uri());
        } catch (IllegalArgumentException unsupported) {
            return CompletableFuture.failedFuture(unsupported);
        }
        // One event loop per host, for the pool and all its connections: with the connections spread over the
        // group, each exchange hopped from the pool's loop to its connection's and back (two thread wake-ups).
        HostPool pool = pools.computeIfAbsent(key, k -> new HostPool(k, group.next(), ioMode, resolver, sslContext,
                limits, channels, closed, pendingAcquires));
        if (closed.get()) {
            pool.close();
            return CompletableFuture.failedFuture(closedError());
        }
        CompletableFuture<HttpResponse> exchange = pool.execute(request);
        unfinished.add(exchange);
        Duration timeout = request.timeout().orElse(null);
        // A watchdog rather than a task on an event loop: scheduling and cancelling one from the caller's thread
        // woke an event loop twice per exchange.
        ExchangeDeadlines.Watch timer = timeout == null ? null : deadlines.watch(() ->
                exchange.completeExceptionally(new TransportException(Reason.RESPONSE_TIMEOUT,
                        "the exchange with " + key + " did not complete within its timeout of " + timeout.toMillis()
                                + " ms", null)), timeout);
        exchange.whenComplete((response, failure) -> {
            unfinished.remove(exchange);
            if (timer != null) {
                timer.cancel();
            }
        });
        if (closed.get()) {
            exchange.completeExceptionally(closedError());
        }
        return exchange;
    }

    /** Yes: each exchange's timeout is watched by the transport's {@link ExchangeDeadlines}. */
    @Override
    public boolean enforcesRequestTimeout() {
        return true;
    }

    /** An event loop, or the deadline watchdog, which completes the exchanges that time out. */
    @Override
    public boolean isTransportThread() {
        if (deadlines.isWatchdogThread()) {
            return true;
        }
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    /** {@return connections open now, to every host} */
    public int openConnections() {
        return channels.size();
    }

    /** {@return connections lent out to exchanges in progress} */
    public int leasedConnections() {
        int leased = 0;
        for (HostPool pool : pools.values()) {
            leased += pool.leased();
        }
        return leased;
    }

    /** {@return open connections waiting in the pools, ready for reuse} */
    public int idleConnections() {
        return Math.max(0, openConnections() - leasedConnections());
    }

    /** {@return exchanges waiting for a connection} */
    public int pendingAcquires() {
        return pendingAcquires.get();
    }

    /**
     * All hosts' pools together: leased and idle connections, exchanges waiting for one, and the most that may be
     * open ({@code maxConnections} per host the transport has talked to, at least one host's worth).
     */
    @Override
    public java.util.Optional<ConnectionPoolStats> poolStats() {
        int leased = leasedConnections();
        return java.util.Optional.of(new ConnectionPoolStats(leased, Math.max(0, openConnections() - leased),
                pendingAcquires(), settings.maxConnections() * Math.max(1, pools.size())));
    }

    /**
     * Closes every connection (exchanges in progress fail with {@link Reason#CANCELLED}) and, if the transport
     * created its event loop, shuts it down, waiting up to a few seconds unless called on the event loop
     * itself. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deadlines.close();
        pools.values().forEach(HostPool::close);
        channels.close();
        resolver.close();
        if (ownsGroup) {
            var terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            if (!isTransportThread()) {
                terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        // A pool or connection whose event loop stopped before it could answer must not leave a future hanging.
        for (CompletableFuture<HttpResponse> exchange : unfinished) {
            exchange.completeExceptionally(closedError());
        }
    }

    @Override
    public String toString() {
        return "NettyTransport[" + (ioMode.isNative() ? "epoll" : "nio") + ", connectTimeout="
                + settings.connectTimeout() + ", responseTimeout=" + settings.responseTimeout() + ", maxConnections="
                + settings.maxConnections() + ", maxResponseBytes=" + settings.maxResponseBytes()
                + (closed.get() ? ", closed" : "") + ']';
    }

    private static TransportException closedError() {
        return new TransportException(Reason.CANCELLED, "the Netty transport is closed", null);
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JDK has no default TLS context", impossible);
        }
    }

    private static Duration positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, got " + value);
        }
        return value;
    }

    /** Configures a {@link NettyTransport} for callers that create it themselves (and so close it). */
    public static final class Builder extends TransportBuilder<Builder> {
        private int maxPendingAcquires = DEFAULT_MAX_PENDING_ACQUIRES;
        private Duration acquireTimeout = TransportSettings.DEFAULT_CONNECT_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private EventLoopGroup eventLoopGroup;
        private int ioThreads;
        private boolean preferNative = true;

        private Builder() {
        }

        /**
         * How many exchanges may wait for a connection to one host; more fail at once with
         * {@link Reason#REJECTED}. Default {@value NettyTransport#DEFAULT_MAX_PENDING_ACQUIRES}.
         *
         * @param maxPendingAcquires at least 1; checked when the transport is built
         * @return this builder
         */
        public Builder maxPendingAcquires(int maxPendingAcquires) {
            this.maxPendingAcquires = maxPendingAcquires;
            return this;
        }

        /**
         * How long an exchange may wait for a free connection; then {@link Reason#POOL_TIMEOUT}. Default 10 s.
         *
         * @param timeout a positive duration; checked when the transport is built
         * @return this builder
         */
        public Builder acquireTimeout(Duration timeout) {
            this.acquireTimeout = timeout;
            return this;
        }

        /**
         * How long a pooled connection may stay unused before it is closed. Default 50 s.
         *
         * @param timeout a positive duration; checked when the transport is built
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Runs on the caller's event loop instead of creating one; the caller keeps ownership and shuts it down
         * after closing the transport. It must be a {@code MultiThreadIoEventLoopGroup} with NIO or epoll.
         *
         * @param group the event loop group; not {@code null}
         * @return this builder
         * @throws NullPointerException if {@code group} is {@code null}
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = Objects.requireNonNull(group, "eventLoopGroup");
            return this;
        }

        /**
         * Threads of the event loop the transport creates; 0 (the default) means one per processor. Each host's
         * connections run on one of them, so more threads serve more hosts (regions, edges) side by side, not one
         * host faster. (One loop carries thousands of exchanges a second: 2,000 concurrent fetches from the
         * in-process emulator complete in under a second on two shared cores in the integration tests.)
         *
         * @param threads 0 or more; 0 for one per processor
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is negative
         */
        public Builder ioThreads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("ioThreads: must be 0 or more, got " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        /**
         * Whether to use epoll when it is available (default {@code true}); {@code false} forces NIO.
         *
         * @param preferNative {@code true} to use epoll where available, {@code false} for NIO
         * @return this builder
         */
        public Builder preferNativeTransport(boolean preferNative) {
            this.preferNative = preferNative;
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport; close it when done
         * @throws IllegalArgumentException if a timeout is not positive (or the acquire or idle timeout is null), a
         *     limit below 1, or the event loop group is of a kind this transport cannot use
         * @throws NullPointerException if the connect or response timeout is null
         */
        public NettyTransport build() {
            if (maxPendingAcquires < 1) {
                throw new IllegalArgumentException("maxPendingAcquires: must be at least 1, got "
                        + maxPendingAcquires);
            }
            return new NettyTransport(this, settings(), sslContext());
        }
    }
}
