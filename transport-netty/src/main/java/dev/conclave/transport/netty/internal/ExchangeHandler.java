package dev.conclave.transport.netty.internal;

import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.Method;
import dev.conclave.http.TransportSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last handler of every pooled connection: runs one exchange at a time on it. Every field is touched on
 * the connection's event loop only, so no locking is needed. An exchange ends exactly once, by
 * {@link #succeed} or {@link #fail}; both give the connection back to the pool, and {@link #fail} closes it
 * first, so a connection in an unknown state is never reused.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    private final HostPool pool;
    private final HostKey key;
    private final TransportSettings settings;
    private final long responseTimeoutNanos;
    private final AtomicBoolean transportClosed;
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean handshaking;

    ExchangeHandler(HostPool pool, HostKey key, TransportSettings settings, AtomicBoolean transportClosed) {
        this.pool = pool;
        this.key = key;
        this.settings = settings;
        this.responseTimeoutNanos = settings.responseTimeout().toNanos();
        this.transportClosed = transportClosed;
        this.handshaking = key.secure();
    }

    /** One request and what has been read of its response so far. */
    private static final class Exchange {
        final CompletableFuture<HttpResponse> result;
        long lastActivity = System.nanoTime();
        ScheduledFuture<?> timer;
        boolean written;
        boolean interim;
        int status;
        HttpHeaders headers;
        boolean keepAlive;
        byte[] body;
        int size;

        Exchange(CompletableFuture<HttpResponse> result) {
            this.result = result;
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    /**
     * A request this small goes out in one write: when that write fails (the server had reset the connection before
     * the event loop saw it), none of it reached the server.
     */
    static final int UNSENT_IF_WRITE_FAILS_BYTES = 16 * 1024;

    /**
     * Starts an exchange on this (just acquired) connection; runs on its event loop.
     *
     * @param notWritten run instead of failing {@code result} when a small request's write fails, so that it is
     *     sent on another connection: nothing of it was written on this one
     */
    void start(HttpRequest request, CompletableFuture<HttpResponse> result, Runnable notWritten) {
        Channel channel = ctx.channel();
        if (result.isDone()) {
            // Cancelled while waiting for the connection: nothing was sent, the connection is clean.
            pool.release(channel);
            return;
        }
        Exchange exchange = new Exchange(result);
        current = exchange;
        FullHttpRequest message;
        try {
            message = toNetty(request);
        } catch (RuntimeException unsendable) {
            fail(exchange, unsendable);
            return;
        }
        exchange.timer = ctx.executor().schedule(() -> checkTimeout(exchange), responseTimeoutNanos,
                TimeUnit.NANOSECONDS);
        boolean oneWrite = request.bodyLength() <= UNSENT_IF_WRITE_FAILS_BYTES;
        ctx.writeAndFlush(message).addListener(written -> {
            if (written.isSuccess()) {
                exchange.written = true;
                exchange.lastActivity = System.nanoTime();
            } else if (current == exchange) {
                if (oneWrite && !transportClosed.get() && !result.isDone()
                        && written.cause() instanceof java.io.IOException) {
                    fail(exchange, null);
                    notWritten.run();
                } else {
                    fail(exchange, failure(written.cause()));
                }
            }
        });
        result.whenComplete((response, failure) -> {
            // Cancelled, or failed from outside (the request's timeout) while this handler still reads it.
            if (failure != null) {
                ctx.executor().execute(() -> {
                    if (current == exchange) {
                        // Abort: the rest of the response is unread, so the connection must not be reused.
                        fail(exchange, null);
                    }
                });
            }
        });
    }

    private FullHttpRequest toNetty(HttpRequest request) {
        String target = request.uri().getRawPath();
        if (target == null || target.isEmpty()) {
            target = "/";
        }
        if (request.uri().getRawQuery() != null) {
            target = target + '?' + request.uri().getRawQuery();
        }
        ByteBuf body = request.bodyLength() == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(request.bodyBytes());
        FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(request.method().name()), target, body);
        out.headers().set("Host", key.hostHeader());
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                out.headers().add(name, value);
            }
        });
        Method method = request.method();
        if (request.bodyLength() > 0 || method == Method.POST || method == Method.PUT || method == Method.PATCH) {
            out.headers().set("Content-Length", request.bodyLength());
        }
        return out;
    }

    private void checkTimeout(Exchange exchange) {
        if (current != exchange) {
            return;
        }
        long quiet = System.nanoTime() - exchange.lastActivity;
        if (quiet >= responseTimeoutNanos) {
            fail(exchange, new TransportException(Reason.RESPONSE_TIMEOUT, "no response data from " + key + " for "
                    + settings.responseTimeout().toMillis() + " ms (responseTimeout)", null));
        } else {
            exchange.timer = ctx.executor().schedule(() -> checkTimeout(exchange), responseTimeoutNanos - quiet,
                    TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        try {
            Exchange exchange = current;
            if (exchange == null) {
                // Bytes nobody asked for: the connection's state is unknown, so it is not kept.
                context.close();
                return;
            }
            exchange.lastActivity = System.nanoTime();
            if (message instanceof io.netty.handler.codec.http.HttpResponse head && !readHead(exchange, head)) {
                return;
            }
            if (message instanceof HttpContent content) {
                readContent(exchange, content);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    /** Takes the status line and headers; returns false if the exchange ended. */
    private boolean readHead(Exchange exchange, io.netty.handler.codec.http.HttpResponse head) {
        if (head.decoderResult().isFailure()) {
            fail(exchange, failure(head.decoderResult().cause()));
            return false;
        }
        int status = head.status().code();
        if (status >= 100 && status < 200 && status != 101) {
            exchange.interim = true;
            return true;
        }
        exchange.interim = false;
        long declared = HttpUtil.getContentLength(head, -1L);
        if (declared > settings.maxResponseBytes()) {
            fail(exchange, tooLarge("declares " + declared + " bytes"));
            return false;
        }
        HttpHeaders.Builder headers = HttpHeaders.builder();
        try {
            for (Map.Entry<String, String> field : head.headers()) {
                headers.add(field.getKey(), field.getValue());
            }
        } catch (IllegalArgumentException malformed) {
            fail(exchange, new TransportException(Reason.IO, "malformed response header from " + key + ": "
                    + malformed.getMessage(), malformed));
            return false;
        }
        exchange.status = status;
        exchange.headers = headers.build();
        exchange.keepAlive = HttpUtil.isKeepAlive(head);
        exchange.body = new byte[declared >= 0 ? (int) declared : Math.min(4096, settings.maxResponseBytes())];
        return true;
    }

    private void readContent(Exchange exchange, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (exchange.interim) {
            exchange.interim = !last;
            return;
        }
        if (content.decoderResult().isFailure()) {
            fail(exchange, failure(content.decoderResult().cause()));
            return;
        }
        if (exchange.headers == null) {
            fail(exchange, new TransportException(Reason.IO, "response body from " + key + " before its head", null));
            return;
        }
        ByteBuf bytes = content.content();
        int length = bytes.readableBytes();
        if ((long) exchange.size + length > settings.maxResponseBytes()) {
            fail(exchange, tooLarge("is longer than that"));
            return;
        }
        if (exchange.size + length > exchange.body.length) {
            int grown = (int) Math.min(settings.maxResponseBytes(),
                    Math.max((long) exchange.size + length, exchange.body.length * 2L));
            exchange.body = Arrays.copyOf(exchange.body, grown);
        }
        bytes.readBytes(exchange.body, exchange.size, length);
        exchange.size += length;
        if (last) {
            succeed(exchange);
        }
    }

    private TransportException tooLarge(String what) {
        return new TransportException(Reason.RESPONSE_TOO_LARGE, "the response from " + key + ' ' + what
                + "; the limit is " + settings.maxResponseBytes() + " bytes (maxResponseBytes)", null);
    }

    private void succeed(Exchange exchange) {
        end(exchange);
        byte[] body = exchange.size == exchange.body.length ? exchange.body
                : Arrays.copyOf(exchange.body, exchange.size);
        HttpResponse response = HttpResponse.wrap(exchange.status, exchange.headers, body);
        Channel channel = ctx.channel();
        if (exchange.keepAlive && exchange.written && channel.isActive() && !transportClosed.get()) {
            // Back to the pool before completing, so a caller that sends again from its callback reuses it.
            pool.releaseAfterExchange(channel);
        } else {
            channel.close().addListener(closed -> pool.release(channel));
        }
        exchange.result.complete(response);
    }

    /** Maps a failure seen during the exchange; TLS errors count as such only while the handshake is on. */
    private TransportException failure(Throwable cause) {
        return Failures.duringExchange(cause, key, transportClosed.get(), handshaking);
    }

    /** Ends the exchange with an error (or, when {@code error} is null, because it was cancelled). */
    private void fail(Exchange exchange, Throwable error) {
        end(exchange);
        Channel channel = ctx.channel();
        channel.close().addListener(closed -> pool.release(channel));
        if (error != null) {
            exchange.result.completeExceptionally(error);
        }
    }

    private void end(Exchange exchange) {
        current = null;
        if (exchange.timer != null) {
            exchange.timer.cancel(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        Exchange exchange = current;
        if (exchange != null) {
            Throwable tlsFailure = context.channel().attr(HostPool.TLS_FAILURE).get();
            fail(exchange, transportClosed.get() ? failure(null)
                    : tlsFailure != null ? Failures.tls(tlsFailure, key)
                    : Failures.closedEarly(key, null));
        }
        super.channelInactive(context);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof IdleStateEvent && current == null) {
            context.close();
            return;
        }
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            handshaking = false;
            if (handshake.isSuccess()) {
                super.userEventTriggered(context, event);
                return;
            }
            if (current != null) {
                fail(current, Failures.tls(handshake.cause(), key));
            } else {
                context.close();
            }
            return;
        }
        super.userEventTriggered(context, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        Exchange exchange = current;
        if (exchange != null) {
            fail(exchange, failure(cause));
        } else {
            context.close();
        }
    }
}
