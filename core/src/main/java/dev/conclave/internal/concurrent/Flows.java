package dev.conclave.internal.concurrent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** Consumes a publisher into a future: what the async listings' {@code forEach} and {@code toList} share. */
public final class Flows {
    private Flows() {
    }

    /**
     * Subscribes with unbounded demand and calls {@code action} with each item.
     *
     * @return completes when every item was handed over, or fails with the publisher's error (unwrapped) or with
     *     what {@code action} threw, after which the subscription is cancelled; cancelling it cancels the
     *     subscription
     */
    public static <T> CompletableFuture<Void> forEach(Flow.Publisher<T> publisher, Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<T>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription given) {
                subscription = given;
                done.whenComplete((ignored, failure) -> {
                    if (done.isCancelled()) {
                        given.cancel();
                    }
                });
                given.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                try {
                    action.accept(item);
                } catch (RuntimeException failure) {
                    subscription.cancel();
                    done.completeExceptionally(failure);
                }
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(Futures.cause(failure));
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        return done;
    }

    /** Every item into an unmodifiable list; fails and cancels as {@link #forEach} does. */
    public static <T> CompletableFuture<List<T>> toList(Flow.Publisher<T> publisher) {
        List<T> collected = new ArrayList<>();
        return Futures.map(forEach(publisher, collected::add), done -> Collections.unmodifiableList(collected));
    }
}
