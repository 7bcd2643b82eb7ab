package dev.conclave;

import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.HttpTransport;
import dev.conclave.http.Interceptor;
import dev.conclave.http.Method;
import dev.conclave.internal.ApiErrors;
import dev.conclave.internal.AsyncExecutor;
import dev.conclave.internal.CallContext;
import dev.conclave.internal.Futures;
import dev.conclave.internal.InterceptorChain;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * What every operation of one client shares: the base URI, the chain of steps, the transport, and (for the
 * async API over a blocking transport) the executor that runs blocking exchanges.
 */
final class ClientRuntime {
    private static final HttpHeaders ACCEPT_JSON = HttpHeaders.of("Accept", "application/json");
    private static final HttpHeaders FORM_POST = HttpHeaders.of("Accept", "application/json",
            "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

    private final URI baseUri;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final AsyncExecutor asyncExecutor;
    private final InterceptorChain chain;
    private volatile boolean closed;

    ClientRuntime(URI baseUri, HttpTransport transport, boolean ownsTransport, List<Interceptor> steps,
                  AsyncExecutor asyncExecutor) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.asyncExecutor = asyncExecutor;
        this.chain = new InterceptorChain(steps, this::send);
    }

    URI baseUri() {
        return baseUri;
    }

    HttpTransport transport() {
        return transport;
    }

    /** The absolute URI of an API path (already percent-encoded) and optional encoded query. */
    URI uri(String encodedPath, String encodedQuery) {
        String text = baseUri + encodedPath;
        return URI.create(encodedQuery == null || encodedQuery.isEmpty() ? text : text + '?' + encodedQuery);
    }

    /**
     * Resolves a page URI that Twilio returned: relative ones against the base URI (keeping a base path
     * prefix, e.g. of a proxy); absolute ones only if they point at the same scheme and host, so that
     * credentials never go elsewhere.
     */
    URI resolvePageUri(String pageUri) {
        URI given;
        try {
            given = new URI(pageUri);
        } catch (java.net.URISyntaxException malformed) {
            throw new DecodingException("next_page_uri is not a URI: " + malformed.getReason(), 200, null, malformed);
        }
        if (!given.isAbsolute()) {
            String path = pageUri.startsWith("/") ? pageUri : "/" + pageUri;
            return URI.create(baseUri + path);
        }
        if (!given.getScheme().equalsIgnoreCase(baseUri.getScheme())
                || !String.valueOf(given.getRawAuthority()).equalsIgnoreCase(baseUri.getRawAuthority())) {
            throw new DecodingException("next_page_uri points at another host (" + given.getHost()
                    + "); refusing to send credentials there", 200, null, null);
        }
        return given;
    }

    HttpRequest get(URI uri) {
        return HttpRequest.of(Method.GET, uri, ACCEPT_JSON, null);
    }

    HttpRequest delete(URI uri) {
        return HttpRequest.of(Method.DELETE, uri, ACCEPT_JSON, null);
    }

    HttpRequest post(URI uri, byte[] formBody) {
        return HttpRequest.of(Method.POST, uri, FORM_POST, formBody);
    }

    /**
     * Sends the request through the chain and waits on the calling thread; a 2xx response is decoded, anything
     * else becomes an {@link ApiException}.
     *
     * @throws IllegalStateException if called on one of the transport's event loop threads
     */
    <T> T call(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder) {
        checkMayBlock();
        return await(exchange(operation, request, decoder, true));
    }

    /**
     * Sends the request through the chain without waiting. The future completes with the decoded body or
     * exceptionally with the typed exception (never wrapped); cancelling it aborts the exchange.
     */
    <T> CompletableFuture<T> callAsync(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder) {
        return exchange(operation, request, decoder, false);
    }

    /** A caller thread is about to wait: refuse if it is an event loop thread that the wait itself needs. */
    void checkMayBlock() {
        if (transport instanceof AsyncHttpTransport async && async.isTransportThread()) {
            throw new IllegalStateException("a blocking ParticipantsClient call was made on one of the " + transport.name()
                    + " transport's event loop threads (" + Thread.currentThread().getName() + "); waiting there "
                    + "would stall the exchange it waits for. Use client.async() in callbacks, or move the call "
                    + "to an executor of your own");
        }
    }

    <T> CompletableFuture<T> exchange(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder,
                                      boolean callerWaits) {
        if (closed) {
            return CompletableFuture.failedFuture(
                    new TransportException(TransportException.Reason.CANCELLED, "the client is closed", null));
        }
        CallContext call = new CallContext(operation, callerWaits);
        CompletableFuture<T> result = new CompletableFuture<>();
        chain.execute(call, request).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Futures.cause(failure));
                return;
            }
            try {
                if (response.status() >= 200 && response.status() < 300) {
                    result.complete(decoder.apply(response));
                } else {
                    result.completeExceptionally(ApiErrors.toException(response));
                }
            } catch (RuntimeException | Error decodingFailed) {
                // Caught whole: an exception escaping this callback would be swallowed and leave result pending.
                result.completeExceptionally(decodingFailed);
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        return result;
    }

    /**
     * The transport step at the end of the chain: an async transport as it is; a blocking one inline when a
     * caller thread waits anyway, else on the async executor.
     */
    private CompletableFuture<HttpResponse> send(HttpRequest request, CallContext call) {
        CompletableFuture<HttpResponse> exchange;
        if (transport instanceof AsyncHttpTransport async) {
            exchange = async.executeAsync(request);
        } else if (call.callerWaits()) {
            try {
                exchange = CompletableFuture.completedFuture(((BlockingHttpTransport) transport).execute(request));
            } catch (RuntimeException failure) {
                exchange = CompletableFuture.failedFuture(failure);
            }
        } else {
            exchange = asyncExecutor.run((BlockingHttpTransport) transport, request);
        }
        call.track(exchange);
        return exchange;
    }

    /** Waits for a future on the caller's thread, turning every failure into the typed exception. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Reason.CANCELLED, "the calling thread was interrupted",
                    interrupted);
        } catch (ExecutionException failed) {
            throw Futures.unwrap(failed.getCause());
        } catch (java.util.concurrent.CancellationException cancelled) {
            throw Futures.unwrap(cancelled);
        }
    }

    void close() {
        closed = true;
        if (ownsTransport) {
            transport.close();
        }
        asyncExecutor.close();
    }
}
