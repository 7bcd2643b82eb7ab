package dev.conclave.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * A subscriber for tests: requests {@code first} items on subscription and {@code each} more after every item,
 * records what it receives, and completes {@link #done} on onComplete or exceptionally on onError.
 *
 * @param <T> the item type
 */
final class Recorder<T> implements Flow.Subscriber<T> {
    final List<T> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final long first;
    private final long each;
    volatile Flow.Subscription subscription;

    Recorder(long first, long each) {
        this.first = first;
        this.each = each;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        subscription = given;
        given.request(first);
    }

    @Override
    public void onNext(T item) {
        received.add(item);
        if (each > 0) {
            subscription.request(each);
        }
    }

    @Override
    public void onError(Throwable failure) {
        done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }
}
