package dev.conclave;

import dev.conclave.http.ConclaveException;
import dev.conclave.http.TransportException;
import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.internal.ExchangeDeadlines;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.http.HttpTransport;
import dev.conclave.Interceptor;
import dev.conclave.http.Method;
import dev.conclave.internal.error.ApiErrors;
import dev.conclave.internal.concurrent.AsyncExecutor;
import dev.conclave.internal.chain.CallContext;
import dev.conclave.internal.concurrent.Futures;
import dev.conclave.internal.chain.InterceptorChain;
import dev.conclave.internal.paging.ListingPlan;
import dev.conclave.internal.observation.Observability;
import dev.conclave.internal.retry.RetryBudget;
import dev.conclave.internal.concurrent.Scheduler;
import dev.conclave.model.Page;
import io.micrometer.observation.Observation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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
    /**
     * The URIs of query-less paths made lately (a create, fetch or update names the same conference again and
     * again), so that each is parsed once: parsing was a fifth of a create's time in its profile. Bounded: emptied
     * when it reaches {@link #URI_CACHE_SIZE} entries.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, URI> uris = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int URI_CACHE_SIZE = 256;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final AsyncExecutor asyncExecutor;
    private final InterceptorChain chain;
    private final CallOptions defaults;
    private final RetryBudget budget;
    private final Observability observability;
    private final Scheduler scheduler = new Scheduler();
    /**
     * Attempt timeouts of async calls whose transport does not end exchanges at their timeout (a blocking transport
     * run on the executor, where a call may also wait for a thread). A watch per attempt only joins and leaves a set,
     * where a timer task per attempt would wake the timer thread on every call.
     */
    private final ExchangeDeadlines attemptDeadlines = new ExchangeDeadlines("conclave-deadline");
    /** An async transport that ends each exchange at its request timeout needs no timer from core. */
    private final boolean transportEnforcesTimeout;
    /** Released by {@link #close()}: wakes blocking calls waiting to retry. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closed;

    /**
     * @param defaults the client's call options, every value set
     * @param budget the client's retry budget
     * @param observability the client's observations and meters
     */
    ClientRuntime(URI baseUri, HttpTransport transport, boolean ownsTransport, List<Interceptor> steps,
                  AsyncExecutor asyncExecutor, CallOptions defaults, RetryBudget budget,
                  Observability observability) {
        this.baseUri = baseUri;
        this.observability = observability;
        this.defaults = defaults;
        this.budget = budget;
        this.transportEnforcesTimeout = transport instanceof AsyncHttpTransport async && async.enforcesRequestTimeout();
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
        if (encodedQuery != null && !encodedQuery.isEmpty()) {
            return URI.create(text + '?' + encodedQuery);
        }
        URI uri = uris.get(text);
        if (uri == null) {
            uri = URI.create(text);
            if (uris.size() >= URI_CACHE_SIZE) {
                uris.clear();
            }
            uris.put(text, uri);
        }
        return uri;
    }

    /**
     * The page after the page read from {@code current}, at the {@code next_page_uri} Twilio gave: resolved as by
     * {@link #resolvePageUri}, and only on {@code current}'s own path. A path with dot segments
     * ({@code .../Participants.json/../../x}) or of another resource is refused, because a normalising server or
     * proxy would take it elsewhere with the account's credentials.
     *
     * @throws DecodingException for a URI not to follow
     */
    URI followPage(URI current, String nextPageUri) {
        URI following = resolvePageUri(nextPageUri);
        if (!String.valueOf(following.getRawPath()).equals(current.getRawPath())) {
            throw leavesThePath(current, following);
        }
        return following;
    }

    static DecodingException leavesThePath(URI current, URI following) {
        String path = String.valueOf(following.getRawPath());
        return new DecodingException("next_page_uri leaves the listing's path (" + current.getRawPath()
                + " is followed by " + (path.length() <= 200 ? path : path.substring(0, 200) + "...")
                + "); refusing to follow it", 200, null, null);
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

    /** The observation current on this thread, if observations are on: a listing's calls are made within it. */
    Object currentObservation() {
        return observability.currentObservation();
    }

    /**
     * Round trips at least this long make a listing over a blocking transport read ahead by default: 5 ms, well
     * under any round trip to Twilio, and above the occasional slow loopback round trip of a busy host, whose pages
     * read ahead would otherwise be slow enough to keep reading ahead going.
     */
    static final long BLOCKING_READ_AHEAD_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /**
     * When listings read ahead unless told otherwise: always over a non-blocking transport, which sends the page
     * read ahead from the thread that decodes the page before it; over a blocking one, after two round trips in a
     * row of 5 ms or more, since a page read ahead there takes an executor thread and two thread hand-offs (tens of
     * microseconds), which cost more than the overlap saves on loopback and nothing against a remote API.
     */
    long readAheadAfterNanos() {
        return transport instanceof AsyncHttpTransport ? ListingPlan.ALWAYS : BLOCKING_READ_AHEAD_AFTER_NANOS;
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
     * Sends the request through the chain, retrying as the call's policy allows, and waits on the calling thread;
     * a 2xx response is decoded, anything else becomes an {@link ApiException}. Every failure is thrown as the
     * typed exception, with the earlier attempts' failures suppressed.
     *
     * @throws IllegalStateException if called on one of the transport's event loop threads
     */
    <T> T call(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder, CallOptions options) {
        try {
            return call(operation, request, decoder, null, options);
        } catch (ConclaveException failed) {
            throw CallerStacks.onCallersThread(failed);
        }
    }

    /** {@link #call}, made within {@code parent} (an observation) if not {@code null}. */
    private <T> T call(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder, Object parent,
                       CallOptions options) {
        checkMayBlock();
        if (closed) {
            throw closedException();
        }
        CallAttempts attempts = attempts(operation, options);
        CallContext context = new CallContext(operation, true);
        observability.startCall(context, parent);
        if (context.observation() == null) {
            return callLoop(request, decoder, attempts, context);
        }
        Throwable failure = null;
        Observation.Scope scope = observability.openScope(context);
        try {
            return callLoop(request, decoder, attempts, context);
        } catch (RuntimeException | Error failed) {
            failure = failed;
            throw failed;
        } finally {
            // Micrometer's order: the scope is closed before the observation stops.
            observability.closeScope(scope);
            observability.stopCall(context, attempts.attempt(), failure);
        }
    }

    /** The blocking retry loop of one call. */
    private <T> T callLoop(HttpRequest request, Function<HttpResponse, T> decoder, CallAttempts attempts,
                           CallContext context) {
        while (true) {
            long nanos = attempts.beginAttempt();
            if (nanos <= 0) {
                throw Futures.unwrap(attempts.expired());
            }
            int number = context.newAttempt();
            CompletableFuture<T> attempt = attempt(request.withTimeout(Duration.ofNanos(nanos)), decoder, context,
                number);
            Throwable failure;
            try {
                return attempt.get(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                context.cancel();
                Thread.currentThread().interrupt();
                throw new TransportException(TransportException.Reason.CANCELLED, "the calling thread was interrupted",
                        interrupted);
            } catch (ExecutionException | CancellationException failed) {
                failure = Futures.cause(failed instanceof ExecutionException ? failed.getCause() : failed);
            } catch (TimeoutException timedOut) {
                context.abort(number);
                failure = attempts.attemptTimedOut(nanos);
            }
            if (attempts.isDeletedAfterAll(failure)) {
                return null;
            }
            long delay = closed ? -1 : attempts.retryDelay(failure);
            if (delay < 0) {
                throw Futures.unwrap(closed ? closedException() : attempts.finalFailure());
            }
            observability.retried(context.operation(), attempts.retryReason());
            try {
                if (closing.await(delay, TimeUnit.NANOSECONDS)) {
                    throw closedException();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new TransportException(TransportException.Reason.CANCELLED, "the calling thread was interrupted "
                        + "while waiting to retry", interrupted);
            }
        }
    }

    /**
     * Sends the request through the chain without waiting, retrying as the call's policy allows. The future
     * completes with the decoded body or exceptionally with the typed exception (never wrapped); cancelling it
     * aborts the exchange in flight and every retry.
     */
    <T> CompletableFuture<T> callAsync(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder,
                                       CallOptions options) {
        return callAsync(operation, request, decoder, null, options);
    }

    /** {@link #callAsync}, made within {@code parent} (an observation) if not {@code null}. */
    private <T> CompletableFuture<T> callAsync(Operation operation, HttpRequest request,
                                               Function<HttpResponse, T> decoder, Object parent, CallOptions options) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(closedException());
            return result;
        }
        CallAttempts attempts = attempts(operation, options);
        CallContext context = new CallContext(operation, false, AsyncExecutor.claimContinuation());
        observability.startCall(context, parent);
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                context.cancel();
            }
            // Already stopped when the client completed the future; this stops it when the caller did (cancel,
            // orTimeout, complete).
            observability.stopCall(context, attempts.attempt(),
                    failure == null ? null : Observability.callFailure(failure));
        });
        nextAttempt(request, decoder, attempts, context, result);
        return result;
    }

    /**
     * One call as a future: the blocking loop of {@link #call} when a caller thread waits anyway (the future is
     * complete on return), else {@link #callAsync}.
     *
     * @param parent the observation to make the call within, whatever thread starts it; {@code null} for the
     *     starting thread's current one
     */
    /** A decoder of one page that tells the page's {@code next_page_uri} as soon as it reads it. */
    @FunctionalInterface
    interface PageDecoder<P> {
        P decode(HttpResponse response, Consumer<String> nextPageUri);
    }

    /**
     * The plan of a listing of {@code path}: its query for a page size, the page size asked for, how to decode and
     * cut a page; read ahead as the client's settings say.
     */
    <P extends Page<?>> ListingPlan<P> listing(Operation operation, String path,
            Function<Integer, String> query, Integer pageSize, boolean callerWaits, PageDecoder<P> decoder,
            BiFunction<P, Integer, P> truncate, CallOptions options) {
        return new ListingPlan<>(size -> uri(path, query.apply(size)), pageSize, -1, readAheadAfterNanos(),
                callerWaits, this::currentObservation,
                (uri, waits, parent, nextPageUri) -> exchange(operation, get(uri),
                        response -> decoder.decode(response, nextPageUri), waits, parent, options),
                this::followPage, truncate);
    }

    <T> CompletableFuture<T> exchange(Operation operation, HttpRequest request, Function<HttpResponse, T> decoder,
                                      boolean callerWaits, Object parent, CallOptions options) {
        if (!callerWaits) {
            return callAsync(operation, request, decoder, parent, options);
        }
        try {
            return CompletableFuture.completedFuture(call(operation, request, decoder, parent, options));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** A caller thread is about to wait: refuse if it is an event loop thread that the wait itself needs. */
    void checkMayBlock() {
        if (scheduler.isTimerThread() || attemptDeadlines.isWatchdogThread()) {
            throw new IllegalStateException("a blocking Conclave call was made on a client's timer thread ("
                    + Thread.currentThread().getName() + "), which completes retries and timeouts; waiting there "
                    + "would stall them. Use client.async() in callbacks, or move the call to an executor of your own");
        }
        if (transport instanceof AsyncHttpTransport async && async.isTransportThread()) {
            throw new IllegalStateException("a blocking Conclave call was made on one of the " + transport.name()
                    + " transport's event loop threads (" + Thread.currentThread().getName() + "); waiting there "
                    + "would stall the exchange it waits for. Use client.async() in callbacks, or move the call "
                    + "to an executor of your own");
        }
    }

    private CallAttempts attempts(Operation operation, CallOptions options) {
        CallOptions effective = options == null ? defaults : defaults.overriddenBy(options);
        return new CallAttempts(operation, effective.retryPolicy(), budget, effective.attemptTimeout(),
                effective.callTimeout());
    }

    private <T> void nextAttempt(HttpRequest request, Function<HttpResponse, T> decoder, CallAttempts attempts,
                                 CallContext context, CompletableFuture<T> result) {
        if (result.isDone()) {
            return;
        }
        if (closed) {
            fail(result, context, attempts, closedException());
            return;
        }
        long nanos = attempts.beginAttempt();
        if (nanos <= 0) {
            fail(result, context, attempts, attempts.expired());
            return;
        }
        int number = context.newAttempt();
        CompletableFuture<T> attempt = attempt(request.withTimeout(Duration.ofNanos(nanos)), decoder, context,
                number);
        ExchangeDeadlines.Watch timer = null;
        if (!attempt.isDone() && !transportEnforcesTimeout) {
            Runnable timeUp = () -> {
                // Abort this attempt's exchange only: completing the attempt may already have started the next one.
                if (!attempt.isDone() && attempt.completeExceptionally(closed ? closedException()
                        : attempts.attemptTimedOut(nanos))) {
                    context.abort(number);
                }
            };
            timer = attemptDeadlines.watch(timeUp, Duration.ofNanos(nanos));
            if (timer == null) {
                // The client is closing: end the attempt now rather than leave it to a transport that may not.
                timeUp.run();
            }
        }
        ExchangeDeadlines.Watch watch = timer;
        attempt.whenComplete((value, failed) -> {
            if (watch != null) {
                watch.cancel();
            }
            if (failed == null) {
                succeed(result, context, attempts, value);
                return;
            }
            Throwable failure = Futures.cause(failed);
            if (attempts.isDeletedAfterAll(failure)) {
                succeed(result, context, attempts, null);
                return;
            }
            long delay = closed || result.isDone() ? -1 : attempts.retryDelay(failure);
            if (delay < 0) {
                fail(result, context, attempts,
                        closed ? closedException() : attempts.finalFailureOr(failure));
                return;
            }
            observability.retried(context.operation(), attempts.retryReason());
            scheduler.schedule(() -> nextAttempt(request, decoder, attempts, context, result), delay);
        });
    }

    /** Ends an async call with a value: its observation first, so that whoever waits sees it stopped. */
    private <T> void succeed(CompletableFuture<T> result, CallContext context, CallAttempts attempts, T value) {
        if (!result.isDone()) {
            observability.stopCall(context, attempts.attempt(), null);
            result.complete(value);
        }
    }

    /** Ends an async call with a failure, its observation first. */
    private void fail(CompletableFuture<?> result, CallContext context, CallAttempts attempts, Throwable failure) {
        if (!result.isDone()) {
            observability.stopCall(context, attempts.attempt(), failure);
            result.completeExceptionally(failure);
        }
    }

    /** One attempt through the chain: the decoded 2xx body, or the typed failure. */
    private <T> CompletableFuture<T> attempt(HttpRequest request, Function<HttpResponse, T> decoder,
                                             CallContext call, int number) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse> exchange = !call.observesAttempts() ? chain.execute(call, request)
                : observability.observeAttempt(call, number, request, sent -> chain.execute(call, sent));
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Futures.cause(failure));
                return;
            }
            call.lastStatus(response.status());
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
        return result;
    }

    private static TransportException closedException() {
        return new TransportException(TransportException.Reason.CANCELLED, "the client is closed", null);
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
            exchange = asyncExecutor.run((BlockingHttpTransport) transport, request, call.continuesOnThisThread());
        }
        call.track(exchange);
        return exchange;
    }

    /**
     * Waits for a future on the caller's thread, turning every failure into the typed exception, thrown with the
     * caller's frames (see {@link CallerStacks}).
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Reason.CANCELLED, "the calling thread was interrupted",
                    interrupted);
        } catch (ExecutionException failed) {
            throw CallerStacks.onCallersThread(Futures.unwrap(failed.getCause()));
        } catch (CancellationException cancelled) {
            throw CallerStacks.onCallersThread(Futures.unwrap(cancelled));
        }
    }

    void close() {
        closed = true;
        closing.countDown();
        attemptDeadlines.abortAllAndClose();
        scheduler.close();
        observability.close();
        if (ownsTransport) {
            transport.close();
        }
        asyncExecutor.close();
    }
}
