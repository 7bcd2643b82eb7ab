package dev.conclave.internal.concurrent;

import dev.conclave.http.TransportException;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs blocking exchanges for the async API when the transport is blocking. Either the caller's executor
 * (never shut down here), or one made on first use: at most {@code threads} daemon threads named
 * {@code conclave-async-N}, idle ones ending after 30 s, and a queue of at most {@code queueSize} waiting
 * exchanges; beyond that a call fails at once with {@link TransportException.Reason#REJECTED}.
 *
 * <p>A walk through a listing asks for its next page from the completion of the page before, on the thread that
 * ran that exchange; handing the next exchange to another thread woke one per page. Code that knows it ends
 * without blocking once it has asked (see {@link #continuingOnThisThread}) lets the exchange run next on the
 * same thread instead.
 */
public final class AsyncExecutor implements AutoCloseable {
    private final Executor given;
    private final int threads;
    private final int queueSize;
    private ThreadPoolExecutor created;
    private volatile boolean closed;

    private AsyncExecutor(Executor given, int threads, int queueSize) {
        this.given = given;
        this.threads = threads;
        this.queueSize = queueSize;
    }

    /** Uses the caller's executor; {@link #close()} leaves it running. */
    public static AsyncExecutor using(Executor executor) {
        return new AsyncExecutor(executor, 0, 0);
    }

    /** Makes a bounded executor on first use; {@link #close()} shuts it down. */
    public static AsyncExecutor bounded(int threads, int queueSize) {
        if (threads < 1 || queueSize < 1) {
            throw new IllegalArgumentException("async executor: threads and queue size must be at least 1");
        }
        return new AsyncExecutor(null, threads, queueSize);
    }

    /**
     * Runs one blocking exchange on the executor. Cancelling the returned future before the exchange starts
     * means it is never sent; once started it runs to its end (bounded by the transport's timeouts).
     */
    public CompletableFuture<HttpResponse> run(BlockingHttpTransport transport, HttpRequest request) {
        return run(transport, request, false);
    }

    /**
     * Runs one blocking exchange on the executor; see {@link #run(BlockingHttpTransport, HttpRequest)}.
     *
     * @param continuable whether it may run on this thread right after its current task instead (it does when
     *     this is a thread of this executor inside {@link #continuingOnThisThread}, no exchange waits in the
     *     queue, and none is set to run there already)
     */
    public CompletableFuture<HttpResponse> run(BlockingHttpTransport transport, HttpRequest request,
                                               boolean continuable) {
        CompletableFuture<HttpResponse> exchange = new CompletableFuture<>();
        // The request's timeout counts from now, not from when a thread takes it up.
        long deadline = request.timeout().map(timeout -> System.nanoTime() + timeout.toNanos()).orElse(0L);
        Runnable task = () -> {
            if (exchange.isDone()) {
                return;
            }
            if (closed) {
                // The client closed while this waited: a transport it does not own would still send it.
                exchange.completeExceptionally(new TransportException(TransportException.Reason.CANCELLED,
                        "the client was closed before the exchange started", null));
                return;
            }
            HttpRequest timed = request;
            if (deadline != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    exchange.completeExceptionally(new TransportException(TransportException.Reason.POOL_TIMEOUT,
                            "the exchange waited for an async executor thread past its timeout; it was not sent",
                            null));
                    return;
                }
                timed = request.withTimeout(java.time.Duration.ofNanos(left));
            }
            try {
                exchange.complete(transport.execute(timed));
            } catch (RuntimeException | Error failure) {
                exchange.completeExceptionally(failure);
            }
        };
        if (continuable && Thread.currentThread() instanceof Worker worker && worker.owner == this
                && worker.continuing && worker.continuation == null && !closed && queueIsEmpty()) {
            // Only when nothing waits: an exchange queued before this one is not overtaken.
            worker.continuation = task;
            return exchange;
        }
        try {
            executor().execute(task);
        } catch (RejectedExecutionException full) {
            exchange.completeExceptionally(new TransportException(TransportException.Reason.REJECTED,
                    "the async executor refused the exchange (" + (given != null ? "the executor given to the "
                            + "client builder rejected it" : queueSize + " exchanges already wait for its "
                            + threads + " threads, or the client is closed") + ")", full));
        }
        return exchange;
    }

    /**
     * Calls {@code asking}; the first exchange of the first call it starts (see {@link #claimContinuation()}) runs
     * on this thread as soon as the task it is running now ends, instead of on another thread. Only for code that,
     * from here to the end of the current task, neither blocks nor waits for that call: it would wait for itself.
     * Calls started further in (by an interceptor, say) go to the executor as usual. On any other thread (the
     * caller's, one of an executor given to the client) it only calls {@code asking}.
     *
     * @return what {@code asking} returns
     */
    public static <T> T continuingOnThisThread(Supplier<T> asking) {
        if (!(Thread.currentThread() instanceof Worker worker) || worker.continuing) {
            return asking.get();
        }
        worker.continuing = true;
        worker.permit = true;
        try {
            return asking.get();
        } finally {
            worker.continuing = false;
            worker.permit = false;
        }
    }

    /**
     * Called as a call starts: whether it is the first call started inside {@link #continuingOnThisThread} on
     * this thread, which alone may continue on it.
     */
    public static boolean claimContinuation() {
        if (Thread.currentThread() instanceof Worker worker && worker.permit) {
            worker.permit = false;
            return true;
        }
        return false;
    }

    private synchronized boolean queueIsEmpty() {
        return created != null && created.getQueue().isEmpty();
    }

    private synchronized Executor executor() {
        if (given != null) {
            return given;
        }
        if (created == null) {
            if (closed) {
                throw new RejectedExecutionException("closed");
            }
            created = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(queueSize), new DaemonThreads(this)) {
                @Override
                protected void afterExecute(Runnable task, Throwable failure) {
                    // The exchange a finished task left for this thread, and the one that left, and so on.
                    Worker worker = (Worker) Thread.currentThread();
                    Runnable next;
                    while ((next = worker.continuation) != null) {
                        worker.continuation = null;
                        // As the pool does before each task: an interrupt left by the task before is not this one's.
                        Thread.interrupted();
                        next.run();
                    }
                }
            };
            created.allowCoreThreadTimeOut(true);
        }
        return created;
    }

    /** A thread of the executor made here; its fields are touched by itself only. */
    private static final class Worker extends Thread {
        final AsyncExecutor owner;
        boolean continuing;
        boolean permit;
        Runnable continuation;

        Worker(Runnable body, String name, AsyncExecutor owner) {
            super(body, name);
            this.owner = owner;
        }
    }

    /**
     * Stops taking exchanges; those still queued fail with {@code CANCELLED} without being sent. Shuts down the
     * executor this made, if any; a given one is left running.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (created != null) {
            created.shutdown();
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final AsyncExecutor owner;

        DaemonThreads(AsyncExecutor owner) {
            this.owner = owner;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Worker(task, "conclave-async-" + count.incrementAndGet(), owner);
            thread.setDaemon(true);
            return thread;
        }
    }
}
