package dev.conclave.examples.decorating;

import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.HttpTransport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example of composition around any transport: it adds one header to every request and logs every exchange
 * (method, path, status or failure, milliseconds; never headers, query or body, which hold credentials and
 * personal data), then hands the request to the transport it wraps. It keeps the wrapped transport's shape: a
 * blocking one stays blocking, an async one stays async, so core bridges it as before.
 *
 * <pre>{@code
 * HttpTransport inner = NettyTransport.builder().build();
 * ConclaveClient client = ConclaveClient.builder().credentials(sid, token)
 *         .transport(DecoratingTransport.around(inner, "X-Team", "dialler", line -> log.info(line)))
 *         .build();
 * }</pre>
 *
 * <p>(For a step that only touches requests, an {@code Interceptor} on the client builder is simpler; a
 * decorating transport is for what must sit at the transport boundary, e.g. a different transport per host.)
 */
public final class DecoratingTransport {
    private static final Logger LOG = LoggerFactory.getLogger(DecoratingTransport.class);

    private DecoratingTransport() {
    }

    /**
     * Wraps a transport, logging to this class's SLF4J logger at INFO.
     *
     * @see #around(HttpTransport, String, String, Consumer)
     */
    public static HttpTransport around(HttpTransport inner, String headerName, String headerValue) {
        return around(inner, headerName, headerValue, LOG::info);
    }

    /**
     * Wraps a transport.
     *
     * @param inner the transport that does the exchanges; closing the wrapper closes it
     * @param headerName the header to add (replacing one of the same name)
     * @param headerValue its value
     * @param log where each exchange's line goes
     * @return a {@link BlockingHttpTransport} or an {@link AsyncHttpTransport}, as {@code inner} is
     * @throws IllegalArgumentException if {@code inner} is of neither shape
     */
    public static HttpTransport around(HttpTransport inner, String headerName, String headerValue,
                                       Consumer<String> log) {
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(headerValue, "headerValue");
        Objects.requireNonNull(log, "log");
        if (inner instanceof AsyncHttpTransport async) {
            return new Async(async, headerName, headerValue, log);
        }
        if (inner instanceof BlockingHttpTransport blocking) {
            return new Blocking(blocking, headerName, headerValue, log);
        }
        throw new IllegalArgumentException("inner: must be a BlockingHttpTransport or an AsyncHttpTransport, got "
                + inner);
    }

    private abstract static class Decorator implements HttpTransport {
        private final HttpTransport inner;
        private final String headerName;
        private final String headerValue;
        private final Consumer<String> log;

        Decorator(HttpTransport inner, String headerName, String headerValue, Consumer<String> log) {
            this.inner = inner;
            this.headerName = headerName;
            this.headerValue = headerValue;
            this.log = log;
        }

        HttpRequest decorate(HttpRequest request) {
            return request.withHeader(headerName, headerValue);
        }

        void logged(HttpRequest request, long startNanos, HttpResponse response, Throwable failure) {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            log.accept(request.method() + " " + request.uri().getRawPath() + " -> "
                    + (failure == null ? String.valueOf(response.status()) : failure.getClass().getSimpleName())
                    + " in " + millis + " ms via " + inner.name());
        }

        @Override
        public String name() {
            return inner.name() + "+decorated";
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static final class Blocking extends Decorator implements BlockingHttpTransport {
        private final BlockingHttpTransport inner;

        Blocking(BlockingHttpTransport inner, String headerName, String headerValue, Consumer<String> log) {
            super(inner, headerName, headerValue, log);
            this.inner = inner;
        }

        @Override
        public HttpResponse execute(HttpRequest request) {
            long start = System.nanoTime();
            try {
                HttpResponse response = inner.execute(decorate(request));
                logged(request, start, response, null);
                return response;
            } catch (RuntimeException failure) {
                logged(request, start, null, failure);
                throw failure;
            }
        }
    }

    private static final class Async extends Decorator implements AsyncHttpTransport {
        private final AsyncHttpTransport inner;

        Async(AsyncHttpTransport inner, String headerName, String headerValue, Consumer<String> log) {
            super(inner, headerName, headerValue, log);
            this.inner = inner;
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
            long start = System.nanoTime();
            CompletableFuture<HttpResponse> exchange = inner.executeAsync(decorate(request));
            exchange.whenComplete((response, failure) -> logged(request, start, response, failure));
            // Returned as is, not a derived stage: cancelling it must reach the inner transport.
            return exchange;
        }

        @Override
        public boolean isTransportThread() {
            return inner.isTransportThread();
        }
    }
}
