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
import dev.conclave.internal.InterceptorChain;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** What every operation of one client shares: the base URI, the chain of steps and the transport. */
final class ClientRuntime {
    private static final HttpHeaders ACCEPT_JSON = HttpHeaders.of("Accept", "application/json");
    private static final HttpHeaders FORM_POST = HttpHeaders.of("Accept", "application/json",
            "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

    private final URI baseUri;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final InterceptorChain chain;
    private volatile boolean closed;

    ClientRuntime(URI baseUri, HttpTransport transport, boolean ownsTransport, List<Interceptor> steps) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
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
     * Sends the request through the chain and waits; a 2xx response is decoded, anything else becomes an
     * {@link ApiException}.
     */
    <T> T call(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder) {
        if (closed) {
            throw new TransportException(TransportException.Reason.CANCELLED, "the client is closed", null);
        }
        HttpResponse response = await(chain.execute(operation, request));
        if (response.status() >= 200 && response.status() < 300) {
            return decoder.apply(response);
        }
        throw ApiErrors.toException(response);
    }

    /** The transport step at the end of the chain: runs a blocking transport inline, an async one as it is. */
    CompletableFuture<HttpResponse> send(HttpRequest request) {
        if (transport instanceof AsyncHttpTransport async) {
            return async.executeAsync(request);
        }
        try {
            return CompletableFuture.completedFuture(((BlockingHttpTransport) transport).execute(request));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static HttpResponse await(CompletableFuture<HttpResponse> future) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Reason.CANCELLED, "the calling thread was interrupted",
                    interrupted);
        } catch (CancellationException cancelled) {
            throw new TransportException(TransportException.Reason.CANCELLED, "the exchange was cancelled", cancelled);
        } catch (ExecutionException failed) {
            throw unwrap(failed.getCause());
        }
    }

    static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new TransportException(TransportException.Reason.IO, String.valueOf(cause), cause);
    }

    void close() {
        closed = true;
        if (ownsTransport) {
            transport.close();
        }
    }
}
