package dev.conclave.emulator.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.FaultInjector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/** The HTTP/1.1 server in front of {@link ParticipantApi}: keep-alive, request ids, journal, counters. */
public final class EmulatorServer implements AutoCloseable {
    /** The largest request body accepted; a larger one gets 413. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private static final String JSON = "application/json; charset=utf-8";

    /** One exchange as the journal keeps it, with the reply the emulator meant to give (before any fault). */
    public record Exchange(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                           byte[] body, int responseStatus, Fault fault, Reply reply) {
    }

    private final EventLoopGroup group;
    /** The loop's threads, so that a failed start can wait until they have ended, not just been told to. */
    private final List<Thread> loopThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Channel serverChannel;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port the port, 0 for an ephemeral one
     * @param api the behaviour
     * @param journal receives every exchange as it is answered
     * @param tls the server's TLS context for HTTPS, or {@code null} for plain HTTP
     * @param faults decides which exchanges to spoil
     * @throws IllegalStateException if the port cannot be bound
     */
    public EmulatorServer(int port, ParticipantApi api, Consumer<Exchange> journal, SSLContext tls,
                          FaultInjector faults) {
        java.util.concurrent.ThreadFactory names = new DefaultThreadFactory(MultiThreadIoEventLoopGroup.class);
        this.group = new MultiThreadIoEventLoopGroup(2, task -> {
            Thread thread = names.newThread(task);
            loopThreads.add(thread);
            return thread;
        }, NioIoHandler.newFactory());
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new ConnectionCounter());
                            if (tls != null) {
                                SSLEngine engine = tls.createSSLEngine();
                                engine.setUseClientMode(false);
                                channel.pipeline().addLast(new SslHandler(engine));
                            }
                            channel.pipeline().addLast(new HttpServerCodec(),
                                    new HttpServerExpectContinueHandler(),
                                    new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                    new ApiHandler(api, journal, faults));
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception bindFailed) {
            // Netty rethrows the bind's java.net.BindException undeclared, so a RuntimeException catch misses it.
            // The loop's threads are not daemons: they are stopped, and waited for, before the failure is thrown.
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
            for (Thread thread : loopThreads) {
                try {
                    thread.join(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            String why = bindFailed instanceof java.net.BindException ? "the port is in use or not allowed ("
                    + bindFailed.getMessage() + ")" : bindFailed.toString();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + why, bindFailed);
        }
    }

    /** The port being listened on. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Client connections open now. */
    public int openConnections() {
        return open.get();
    }

    /** The most client connections that were open at once since start or the last {@link #resetPeak()}. */
    public int peakOpenConnections() {
        return peak.get();
    }

    /** Starts measuring the peak again from the connections open now. */
    public void resetPeak() {
        peak.set(open.get());
    }

    /** Client connections accepted since start. */
    public long acceptedConnections() {
        return accepted.get();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** The Content-Type the response to {@code reply} carries, or {@code null} when it has no body. */
    public static String contentType(Reply reply) {
        for (Map.Entry<String, String> header : reply.headers()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return header.getValue();
            }
        }
        return reply.body().length > 0 ? JSON : null;
    }

    /** The complete response for a reply, with a request id and the length declared. */
    static FullHttpResponse response(Reply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        response.headers().set("Twilio-Request-Id", requestId());
        for (Map.Entry<String, String> header : reply.headers()) {
            response.headers().add(header.getKey(), header.getValue());
        }
        String type = contentType(reply);
        if (type != null && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        if (reply.status() != 204) {
            HttpUtil.setContentLength(response, reply.body().length);
        }
        return response;
    }

    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("RQ%016x%016x", random.nextLong(), random.nextLong());
    }

    private final class ConnectionCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            accepted.incrementAndGet();
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            open.decrementAndGet();
            super.channelInactive(ctx);
        }
    }

    private static final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ParticipantApi api;
        private final Consumer<Exchange> journal;
        private final FaultInjector faults;

        ApiHandler(ParticipantApi api, Consumer<Exchange> journal, FaultInjector faults) {
            this.api = api;
            this.journal = journal;
            this.faults = faults;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String target = request.uri();
            int question = target.indexOf('?');
            String rawPath = question < 0 ? target : target.substring(0, question);
            String rawQuery = question < 0 ? null : target.substring(question + 1);
            byte[] body = ByteBufUtil.getBytes(request.content());
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            // Copied: Netty's own entries would keep each request's whole header structure alive in the journal.
            request.headers().forEach(header -> headers.add(Map.entry(header.getKey(), header.getValue())));
            Reply reply;
            Fault fault = null;
            if (!request.decoderResult().isSuccess()) {
                reply = Reply.error(400, 20001, "malformed HTTP request");
            } else {
                fault = faults.next(request.method().name(), rawPath, rawQuery, body);
                if (fault != null && !fault.actsOnRequest()) {
                    reply = FaultyReplies.instead(fault);
                } else {
                    try {
                        reply = api.handle(request.method().name(), rawPath, rawQuery,
                                request.headers().get(HttpHeaderNames.AUTHORIZATION), body);
                    } catch (RuntimeException bug) {
                        reply = Reply.error(500, 20500, "emulator error: " + bug);
                    }
                }
            }
            int sent = fault != null && fault.kind() == Fault.Kind.RESET_BEFORE_RESPONSE ? -1 : reply.status();
            journal.accept(new Exchange(request.method().name(), rawPath, rawQuery, List.copyOf(headers), body,
                    sent, fault, reply));
            if (fault == null || !fault.actsOnRequest()) {
                respond(ctx, request, reply);
            } else {
                FaultyReplies.spoil(ctx, fault, reply, spoiled -> respond(ctx, request, spoiled),
                        HttpUtil.isKeepAlive(request));
            }
        }

        private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, Reply reply) {
            FullHttpResponse response = response(reply);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (keepAlive) {
                if (!request.protocolVersion().isKeepAliveDefault()) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                }
                ctx.writeAndFlush(response);
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
