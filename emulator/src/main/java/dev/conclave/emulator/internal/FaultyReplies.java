package dev.conclave.emulator.internal;

import dev.conclave.emulator.Fault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** How the emulator answers or spoils an exchange for a {@link Fault}. */
final class FaultyReplies {
    private FaultyReplies() {
    }

    /** The reply of a fault that answers instead of the API. */
    static Reply instead(Fault fault) {
        return switch (fault.kind()) {
            case STATUS -> {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                if (fault.retryAfterSeconds() != null) {
                    headers.add(Map.entry("Retry-After", String.valueOf(fault.retryAfterSeconds())));
                }
                int code = 20000 + fault.status();
                String message = fault.status() == 429 ? "Too Many Requests" : "Injected fault: HTTP " + fault.status();
                yield new Reply(fault.status(), headers, Json.error(fault.status(), code, message));
            }
            case HTML_PAGE, REPLY -> new Reply(fault.status(),
                    fault.contentType() == null ? List.of() : List.of(Map.entry("Content-Type", fault.contentType())),
                    fault.body());
            default -> throw new IllegalArgumentException(fault + " acts on the request");
        };
    }

    /**
     * Answers an exchange the API acted on, spoiling the response as the fault says.
     *
     * @param ctx the connection
     * @param fault a fault that acts on the request
     * @param reply what the API answered
     * @param send sends a reply the normal way (keep-alive rules and all)
     * @param keepAlive whether the client asked to keep the connection open
     */
    static void spoil(ChannelHandlerContext ctx, Fault fault, Reply reply, Consumer<Reply> send, boolean keepAlive) {
        byte[] body = reply.body();
        FullHttpResponse full = EmulatorServer.response(reply);
        switch (fault.kind()) {
            case DELAY -> {
                full.release();
                ctx.executor().schedule(() -> send.accept(reply), fault.interval().toNanos(), TimeUnit.NANOSECONDS);
            }
            case RESET_BEFORE_RESPONSE -> {
                full.release();
                reset(ctx);
            }
            case RESET_MID_BODY, TRUNCATED_BODY -> {
                ctx.write(head(full));
                ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(body, 0, body.length / 2)))
                        .addListener(written -> {
                            if (fault.kind() == Fault.Kind.RESET_MID_BODY) {
                                reset(ctx);
                            } else {
                                ctx.close();
                            }
                        });
                full.release();
            }
            case MALFORMED_JSON -> {
                full.release();
                if (body.length == 0) {
                    send.accept(reply);
                    return;
                }
                byte[] junk = "\u0000,]}{\"".getBytes(StandardCharsets.UTF_8);
                byte[] spoiled = new byte[body.length / 2 + junk.length];
                System.arraycopy(body, 0, spoiled, 0, body.length / 2);
                System.arraycopy(junk, 0, spoiled, body.length / 2, junk.length);
                send.accept(new Reply(reply.status(), reply.headers(), spoiled));
            }
            case TRICKLE -> {
                ctx.writeAndFlush(head(full));
                full.release();
                trickle(ctx, body, 0, fault.interval().toNanos(), keepAlive);
            }
            default -> throw new IllegalArgumentException(fault + " does not act on the request");
        }
    }

    private static void trickle(ChannelHandlerContext ctx, byte[] body, int next, long intervalNanos,
                                boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (next >= body.length) {
            ChannelFuture last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                last.addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        ByteBuf one = Unpooled.wrappedBuffer(body, next, 1);
        ctx.writeAndFlush(new DefaultHttpContent(one)).addListener(written -> {
            if (written.isSuccess()) {
                ctx.executor().schedule(() -> trickle(ctx, body, next + 1, intervalNanos, keepAlive), intervalNanos,
                        TimeUnit.NANOSECONDS);
            }
        });
    }

    private static HttpResponse head(FullHttpResponse full) {
        HttpResponse head = new DefaultHttpResponse(full.protocolVersion(), full.status());
        head.headers().set(full.headers());
        return head;
    }

    /** Closes with a TCP reset rather than an orderly close. */
    private static void reset(ChannelHandlerContext ctx) {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
    }
}
