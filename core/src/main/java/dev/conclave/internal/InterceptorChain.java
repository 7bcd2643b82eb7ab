package dev.conclave.internal;

import dev.conclave.Operation;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.Interceptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Runs the steps in order, then the transport. The order of the steps is the list's order. */
public final class InterceptorChain {
    private final List<Interceptor> steps;
    private final Function<HttpRequest, CompletableFuture<HttpResponse>> transport;

    /**
     * Creates the chain.
     *
     * @param steps the steps, first to last
     * @param transport what the last step's {@code proceed} calls
     */
    public InterceptorChain(List<Interceptor> steps, Function<HttpRequest, CompletableFuture<HttpResponse>> transport) {
        this.steps = List.copyOf(steps);
        this.transport = transport;
    }

    /** Sends one request through every step; failures, even thrown ones, arrive through the future. */
    public CompletableFuture<HttpResponse> execute(Operation operation, HttpRequest request) {
        return new Link(0, operation, request).run();
    }

    /** The steps, in order. */
    public List<Interceptor> steps() {
        return steps;
    }

    private final class Link implements Interceptor.Chain {
        private final int index;
        private final Operation operation;
        private final HttpRequest request;

        Link(int index, Operation operation, HttpRequest request) {
            this.index = index;
            this.operation = operation;
            this.request = request;
        }

        CompletableFuture<HttpResponse> run() {
            try {
                CompletableFuture<HttpResponse> result = index < steps.size()
                        ? steps.get(index).intercept(this)
                        : transport.apply(request);
                if (result == null) {
                    String culprit = index < steps.size() ? steps.get(index).getClass().getName() : "transport";
                    return CompletableFuture.failedFuture(new IllegalStateException(culprit + " returned null"));
                }
                return result;
            } catch (RuntimeException failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }

        @Override
        public HttpRequest request() {
            return request;
        }

        @Override
        public Operation operation() {
            return operation;
        }

        @Override
        public CompletableFuture<HttpResponse> proceed(HttpRequest next) {
            return new Link(index + 1, operation, next).run();
        }
    }
}
