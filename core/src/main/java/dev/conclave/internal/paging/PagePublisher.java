package dev.conclave.internal.paging;

import dev.conclave.internal.concurrent.Futures;
import dev.conclave.model.Page;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Publishes the items of a listing's pages (the participants, or the pages themselves) honouring demand: a page
 * is taken from the cursor only when the items already read are all delivered and the subscriber wants more, and
 * one page at a time (the cursor may read one more ahead; cancelling the subscription cancels it). Each
 * subscription walks the listing from its first page.
 *
 * <p>Signals are serialized (a drain loop guarded by a work counter), so a subscriber may call
 * {@code request} from {@code onNext} without recursion. They arrive on whichever thread completed the page
 * (for a non-blocking transport an event loop thread, where the subscriber must not block) or on the thread
 * that called {@code request} while items were already buffered.
 *
 * @param <T> the item type
 * @param <P> the page type
 */
public final class PagePublisher<T, P extends Page<?>> implements Flow.Publisher<T> {
    private final Supplier<PageCursor<P>> walks;
    private final Function<P, List<T>> items;

    /**
     * Creates a publisher.
     *
     * @param walks starts a new walk for each subscription
     * @param items the items of one page, in order
     */
    public PagePublisher(Supplier<PageCursor<P>> walks, Function<P, List<T>> items) {
        this.walks = walks;
        this.items = items;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        new PageSubscription<>(subscriber, walks.get(), items).start();
    }

    /** What one page read produced: its items, or why it failed. */
    private record Outcome<T>(List<T> items, Throwable failure) {
    }

    private static final class PageSubscription<T, P extends Page<?>> implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final PageCursor<P> cursor;
        private final Function<P, List<T>> items;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        // Written once per page read by its completion, then taken by the drain loop: one field, so the loop
        // can never see "not fetching" without also seeing what the fetch produced.
        private volatile Outcome<T> outcome;
        private volatile CompletableFuture<P> inFlight;
        // The thread draining for a page's completion, while it does.
        private volatile Thread completing;
        // Touched by the drain loop only.
        private Iterator<T> buffer = Collections.emptyIterator();
        private boolean fetching;
        private boolean terminated;

        PageSubscription(Flow.Subscriber<? super T> subscriber, PageCursor<P> cursor,
                         Function<P, List<T>> items) {
            this.subscriber = subscriber;
            this.cursor = cursor;
            this.items = items;
        }

        void start() {
            subscriber.onSubscribe(this);
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("request(n): n must be positive (Reactive Streams rule "
                        + "3.9), got " + n);
            } else {
                demand.getAndAccumulate(n, (current, added) -> {
                    long sum = current + added;
                    return sum < 0 ? Long.MAX_VALUE : sum;
                });
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            cursor.close();
            CompletableFuture<P> page = inFlight;
            if (page != null) {
                page.cancel(true);
            }
        }

        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                loop();
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        private void loop() {
            while (!terminated) {
                if (cancelled) {
                    terminated = true;
                    buffer = Collections.emptyIterator();
                    return;
                }
                Throwable error = badRequest;
                if (error != null) {
                    cancel();
                    terminate();
                    subscriber.onError(error);
                    return;
                }
                Outcome<T> read = outcome;
                if (read != null) {
                    outcome = null;
                    fetching = false;
                    if (read.failure() != null) {
                        terminate();
                        subscriber.onError(read.failure());
                        return;
                    }
                    buffer = read.items().iterator();
                }
                if (buffer.hasNext()) {
                    if (demand.get() == 0) {
                        return;
                    }
                    T item = buffer.next();
                    if (demand.get() != Long.MAX_VALUE) {
                        demand.decrementAndGet();
                    }
                    deliver(item);
                    continue;
                }
                if (fetching) {
                    return;
                }
                if (!cursor.hasNext()) {
                    terminate();
                    subscriber.onComplete();
                    return;
                }
                if (demand.get() == 0) {
                    return;
                }
                fetchNext();
            }
        }

        private void deliver(T item) {
            try {
                subscriber.onNext(item);
            } catch (RuntimeException subscriberBroke) {
                // Rule 2.13: the subscriber broke its contract; treat the subscription as cancelled and say why.
                cancel();
                terminate();
                subscriber.onError(subscriberBroke);
            }
        }

        private void fetchNext() {
            fetching = true;
            CompletableFuture<P> page;
            try {
                // When draining for the completion of the page before: the loop ends without blocking once the
                // page is asked for, so its exchange may follow on this thread. Not when draining for a request()
                // or a subscribe(), whose caller may go on to wait for it.
                page = cursor.next(completing == Thread.currentThread());
            } catch (RuntimeException failed) {
                page = CompletableFuture.failedFuture(failed);
            }
            inFlight = page;
            page.whenComplete((read, error) -> {
                inFlight = null;
                // Restored after: a page already complete when asked for completes here, inside a drain.
                Thread outer = completing;
                completing = Thread.currentThread();
                Outcome<T> result;
                if (error != null) {
                    result = new Outcome<>(null, Futures.cause(error));
                } else {
                    try {
                        result = new Outcome<>(items.apply(read), null);
                    } catch (RuntimeException broken) {
                        result = new Outcome<>(null, broken);
                    }
                }
                outcome = result;
                try {
                    drain();
                } finally {
                    completing = outer;
                }
            });
        }

        private void terminate() {
            terminated = true;
            cancelled = true;
            cursor.close();
            buffer = Collections.emptyIterator();
        }
    }
}
