package dev.conclave;

import dev.conclave.http.ConclaveException;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One step between the client and the transport, in the manner of a servlet filter: it may change the
 * request, call {@link Chain#proceed(HttpRequest)} any number of times, and change or replace the response.
 *
 * <p>Core's own steps (authentication, user agent, logging) are interceptors too. Steps added with
 * {@code ConclaveClient.Builder#addInterceptor} run after core's steps, nearest the transport.
 * Over a blocking transport the returned futures are already complete when the sync API is used.
 */
@FunctionalInterface
public interface Interceptor {
    /**
     * Handles one exchange.
     *
     * @param chain the request, its operation and the next step
     * @return the response future; completes exceptionally with a {@link dev.conclave.http.ConclaveException}
     *     on failure
     */
    CompletableFuture<HttpResponse> intercept(Chain chain);

    /** The rest of the chain, from this step's point of view. */
    interface Chain {
        /** {@return the request as the previous step passed it on} */
        HttpRequest request();

        /** {@return which Participant API operation this exchange belongs to} */
        Operation operation();

        /**
         * Passes a request to the next step (ultimately the transport).
         *
         * @param request the request to send, this step's or a changed one
         * @return the response future of the next step
         */
        CompletableFuture<HttpResponse> proceed(HttpRequest request);
    }
}
