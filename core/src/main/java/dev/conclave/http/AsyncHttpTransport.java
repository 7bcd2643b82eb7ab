package dev.conclave.http;

import java.util.concurrent.CompletableFuture;

/** A transport that performs exchanges without blocking the caller. */
public interface AsyncHttpTransport extends HttpTransport {
    /**
     * Starts the exchange. The future completes with the response, whatever its status, or exceptionally
     * with a {@link dev.conclave.TransportException}. Cancelling the future aborts the exchange and must not
     * return a half-read connection to any pool.
     */
    CompletableFuture<HttpResponse> executeAsync(HttpRequest request);
}
