package dev.conclave.internal;

import dev.conclave.model.ParticipantPage;
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
 * is requested only when the items already read are all delivered and the subscriber wants more, and only one
 * page is in flight at a time. Each subscription walks the listing from its first page.
 *
 * <p>Signals are serialized (a drain loop guarded by a work counter), so a subscriber may call
 * {@code request} from {@code onNext} without recursion. They arrive on whichever thread completed the page:
 * for a non-blocking transport an event loop thread, where the subscriber must not block.
 *
 * @param <T> the item type
 */
public final class PagePublisher<T> implements Flow.Publisher<T> {
    private final Supplier<PageCursor> walks;
    private final Function<ParticipantPage, List<T>> items;

    /**
     * Creates a publisher.
     *
     * @param walks starts a new walk for each subscription
     * @param items the items of one page, in order
     */
    public PagePublisher(Supplier<PageCursor> walks, Function<ParticipantPage, List<T>> items) {
        this.walks = walks;
        this.items = items;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        new PageSubscription<>(subscriber, walks.get(), items).start();
    }

    private static final class PageSubscription<T> implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final PageCursor cursor;
        private final Function<ParticipantPage, List<T>> items;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile boolean fetching;
        private volatile List<T> arrived;
        private volatile Throwable failure;
        private volatile CompletableFuture<ParticipantPage> inFlight;
        // Touched by the drain loop only.
        private Iterator<T> buffer = Collections.emptyIterator();
        private boolean terminated;

        PageSubscription(Flow.Subscriber<? super T> subscriber, PageCursor cursor,
                         Function<ParticipantPage, List<T>> items) {
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
                failure = new IllegalArgumentException("request(n): n must be positive (Reactive Streams rule "
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
            CompletableFuture<ParticipantPage> page = inFlight;
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
                Throwable error = failure;
                if (error != null) {
                    terminate();
                    subscriber.onError(error);
                    return;
                }
                List<T> page = arrived;
                if (page != null) {
                    arrived = null;
                    buffer = page.iterator();
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
            CompletableFuture<ParticipantPage> page;
            try {
                page = cursor.next();
            } catch (RuntimeException failed) {
                page = CompletableFuture.failedFuture(failed);
            }
            inFlight = page;
            page.whenComplete((read, error) -> {
                inFlight = null;
                if (error != null) {
                    failure = Futures.unwrap(error);
                } else {
                    arrived = items.apply(read);
                }
                fetching = false;
                drain();
            });
        }

        private void terminate() {
            terminated = true;
            cancelled = true;
            buffer = Collections.emptyIterator();
        }
    }
}
