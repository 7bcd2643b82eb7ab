package dev.conclave;

import dev.conclave.internal.Futures;
import dev.conclave.internal.ListingPlan;
import dev.conclave.internal.PagePublisher;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A lazy, non-blocking listing of participants: a {@link Flow.Publisher} of participants that reads a page only
 * when its subscriber wants more than the pages already read hold (a subscriber that requests 60 from pages of
 * 50 causes two page requests, and where it reads ahead a third: see {@link #readAhead(boolean)}),
 * following
 * {@code next_page_uri} as Twilio gave it.
 * Each subscription (and each call of {@link #forEach}, {@link #toList()}) starts again from the first page;
 * a listing is immutable and may be shared.
 *
 * <p>Signals and callbacks arrive on the thread that completed the page read (over a non-blocking transport an
 * event loop thread, where they must not block), or on the thread calling {@code request} when participants were
 * already read. Failures arrive as {@code onError} (or a failed future) with
 * the typed exceptions of {@link AsyncParticipantOperations}; cancelling the subscription (or the future of
 * {@link #forEach}/{@link #toList()}) aborts the page read in flight.
 */
public final class AsyncParticipantListing implements Flow.Publisher<Participant> {
    private final ListingPlan plan;

    AsyncParticipantListing(ListingPlan plan) {
        this.plan = plan;
    }

    /**
     * Returns a listing that stops after {@code maxParticipants}; with no page size set, pages are sized so
     * that nothing beyond the limit is fetched (at most 1000 per page).
     *
     * @param maxParticipants how many participants at most; 0 gives an empty listing that sends nothing
     * @return a new listing; this one is unchanged
     * @throws IllegalArgumentException if negative
     */
    public AsyncParticipantListing limit(long maxParticipants) {
        return new AsyncParticipantListing(plan.withLimit(maxParticipants));
    }

    /**
     * Returns a listing that reads ahead, or not. Reading ahead asks, from the second page on, for
     * the next page as soon as the page being read gives its {@code next_page_uri}, which Twilio sends before the
     * participants, so that the next round trip overlaps the decoding of this page and the subscriber's work on
     * it: pages after the first are read one ahead of demand (a subscriber that requests 60 from pages of 50
     * causes two page requests and a third read ahead; one that requests 10 causes one), never beyond a
     * {@link #limit(long)}. Cancelling cancels the page read ahead too. By default a listing reads ahead over a
     * non-blocking transport (Netty), and over a blocking one (Apache) only after two round trips in a row of 5 ms or
     * more, for the reasons given at {@link ParticipantListing#readAhead(boolean)}.
     *
     * @param enabled {@code true} to read ahead, {@code false} to read a page only when demand reaches it
     * @return a new listing; this one is unchanged
     */
    public AsyncParticipantListing readAhead(boolean enabled) {
        return new AsyncParticipantListing(plan.withReadAhead(enabled));
    }

    /**
     * Publishes the participants, one {@code onNext} each, then {@code onComplete}; demand decides how many pages
     * are read.
     *
     * @throws NullPointerException if the subscriber is null
     */
    @Override
    public void subscribe(Flow.Subscriber<? super Participant> subscriber) {
        new PagePublisher<Participant>(plan::cursor, ParticipantPage::participants).subscribe(subscriber);
    }

    /** The page-by-page view: one {@code onNext} per page read (the last one cut to the limit). */
    public Flow.Publisher<ParticipantPage> pages() {
        return new PagePublisher<>(plan::cursor, List::of);
    }

    /**
     * Calls {@code action} with every participant in order, reading page after page.
     *
     * @param action runs on the thread that completed each page; must not block
     * @return completes when every participant was handed over, or fails with the first error (or with what
     *     {@code action} threw, after which no more pages are read); cancelling it stops the listing
     */
    public CompletableFuture<Void> forEach(Consumer<? super Participant> action) {
        Objects.requireNonNull(action, "action");
        CompletableFuture<Void> done = new CompletableFuture<>();
        subscribe(new Flow.Subscriber<Participant>() {
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
            public void onNext(Participant item) {
                try {
                    action.accept(item);
                } catch (RuntimeException failure) {
                    subscription.cancel();
                    done.completeExceptionally(failure);
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
        });
        return done;
    }

    /**
     * Reads the whole listing (up to the limit; see {@link #limit(long)}) into an unmodifiable list.
     *
     * @return the participants in order, or the first error; cancelling it stops the listing
     */
    public CompletableFuture<List<Participant>> toList() {
        List<Participant> collected = new ArrayList<>();
        CompletableFuture<Void> reading = forEach(collected::add);
        return Futures.cancellingSource(reading.thenApply(done -> Collections.unmodifiableList(collected)), reading);
    }
}
