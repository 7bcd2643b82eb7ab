package dev.conclave.http;

import java.util.concurrent.CompletableFuture;

/** A transport that performs exchanges without blocking the caller. */
public interface AsyncHttpTransport extends HttpTransport {
    /**
     * Starts the exchange. The future completes with the response, whatever its status, or exceptionally
     * with a {@link dev.conclave.http.TransportException}. Cancelling the future aborts the exchange and must not
     * return a half-read connection to any pool.
     *
     * @param request the request to send
     * @return a future of the response, whatever its status
     */
    CompletableFuture<HttpResponse> executeAsync(HttpRequest request);

    /**
     * Whether the calling thread is one of this transport's I/O threads (an event loop). Blocking there
     * would stall every exchange that thread serves, including the one being waited for, so the blocking
     * API refuses to run on such a thread. Default {@code false}.
     *
     * @return {@code true} if the current thread is one of this transport's I/O threads
     */
    default boolean isTransportThread() {
        return false;
    }

    /**
     * Whether this transport itself ends every exchange by its {@link HttpRequest#timeout()}, failing it with a
     * {@link dev.conclave.http.TransportException}. When it does, core starts no timer of its own for each attempt (a
     * cross-thread timer costs a thread wake-up per call); when it does not (the default), core cancels the
     * exchange's future at the timeout.
     *
     * @return {@code true} if this transport times out each exchange itself; {@code false} by default
     */
    default boolean enforcesRequestTimeout() {
        return false;
    }
}
