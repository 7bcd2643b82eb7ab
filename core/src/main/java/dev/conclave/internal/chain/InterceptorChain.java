package dev.conclave.internal.chain;

import dev.conclave.Operation;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.Interceptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/** Runs the steps in order, then the transport. The order of the steps is the list's order. */
public final class InterceptorChain {
    private final List<Interceptor> steps;
    private final BiFunction<HttpRequest, CallContext, CompletableFuture<HttpResponse>> transport;

    /**
     * Creates the chain.
     *
     * @param steps the steps, first to last
     * @param transport what the last step's {@code proceed} calls, with the call's context
     */
    public InterceptorChain(List<Interceptor> steps,
                            BiFunction<HttpRequest, CallContext, CompletableFuture<HttpResponse>> transport) {
        this.steps = List.copyOf(steps);
        this.transport = transport;
    }

    /** Sends one request through every step; failures, even thrown ones, arrive through the future. */
    public CompletableFuture<HttpResponse> execute(CallContext call, HttpRequest request) {
        return new Link(0, call, request).run();
    }

    /** The steps, in order. */
    public List<Interceptor> steps() {
        return steps;
    }

    private final class Link implements Interceptor.Chain {
        private final int index;
        private final CallContext call;
        private final HttpRequest request;

        Link(int index, CallContext call, HttpRequest request) {
            this.index = index;
            this.call = call;
            this.request = request;
        }

        CompletableFuture<HttpResponse> run() {
            try {
                CompletableFuture<HttpResponse> result = index < steps.size()
                        ? steps.get(index).intercept(this)
                        : transport.apply(request, call);
                if (result == null) {
                    String culprit = index < steps.size() ? steps.get(index).getClass().getName() : "transport";
                    return CompletableFuture.failedFuture(new IllegalStateException(culprit + " returned null"));
                }
                return result;
            } catch (RuntimeException | Error failure) {
                // Errors too: thrown on a timer thread they would vanish and leave the call's future pending.
                return CompletableFuture.failedFuture(failure);
            }
        }

        @Override
        public HttpRequest request() {
            return request;
        }

        @Override
        public Operation operation() {
            return call.operation();
        }

        @Override
        public CompletableFuture<HttpResponse> proceed(HttpRequest next) {
            return new Link(index + 1, call, next).run();
        }
    }
}
