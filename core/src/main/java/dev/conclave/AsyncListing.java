package dev.conclave;

import dev.conclave.internal.concurrent.Flows;
import dev.conclave.internal.paging.ListingPlan;
import dev.conclave.internal.paging.PagePublisher;
import dev.conclave.model.Page;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A lazy, non-blocking listing of one resource's items: a {@link Flow.Publisher} of items that reads a page only
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
 *
 * @param <T> the item type, e.g. {@link dev.conclave.model.Participant}
 * @param <P> the page type, e.g. {@link dev.conclave.model.ParticipantPage}
 */
public final class AsyncListing<T, P extends Page<T>> implements Flow.Publisher<T> {
    private final ListingPlan<P> plan;

    AsyncListing(ListingPlan<P> plan) {
        this.plan = plan;
    }

    /**
     * Returns a listing that stops after {@code maxItems}; with no page size set, pages are sized so
     * that nothing beyond the limit is fetched (at most 1000 per page).
     *
     * @param maxItems how many items at most; 0 gives an empty listing that sends nothing
     * @return a new listing; this one is unchanged
     * @throws IllegalArgumentException if negative
     */
    public AsyncListing<T, P> limit(long maxItems) {
        return new AsyncListing<>(plan.withLimit(maxItems));
    }

    /**
     * Returns a listing that reads ahead, or not. Reading ahead asks, from the second page on, for
     * the next page as soon as the page being read gives its {@code next_page_uri}, which Twilio sends before the
     * participants, so that the next round trip overlaps the decoding of this page and the subscriber's work on
     * it: pages after the first are read one ahead of demand (a subscriber that requests 60 from pages of 50
     * causes two page requests and a third read ahead; one that requests 10 causes one), never beyond a
     * {@link #limit(long)}. Cancelling cancels the page read ahead too. By default a listing reads ahead over a
     * non-blocking transport (Netty), and over a blocking one (Apache) only after two round trips in a row of 5 ms or
     * more, for the reasons given at {@link Listing#readAhead(boolean)}.
     *
     * @param enabled {@code true} to read ahead, {@code false} to read a page only when demand reaches it
     * @return a new listing; this one is unchanged
     */
    public AsyncListing<T, P> readAhead(boolean enabled) {
        return new AsyncListing<>(plan.withReadAhead(enabled));
    }

    /**
     * Publishes the items, one {@code onNext} each, then {@code onComplete}; demand decides how many pages
     * are read.
     *
     * @throws NullPointerException if the subscriber is null
     */
    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        new PagePublisher<T, P>(plan::cursor, Page::items).subscribe(subscriber);
    }

    /**
     * The page-by-page view: one {@code onNext} per page read (the last one cut to the limit), with the same
     * helpers as the items ({@link AsyncPages#limit(long)}, {@link AsyncPages#forEach}, {@link AsyncPages#toList()}).
     *
     * @return the pages; each subscription starts again from the first page
     */
    public AsyncPages<P> pages() {
        return new AsyncPages<>(plan, -1);
    }

    /**
     * Reads the first page only (cut to the limit), one request; nothing is read ahead. Its
     * {@link Page#nextPage()} says where the next one starts, to resume from later.
     *
     * @return the first page, or the typed failure; cancelling it cancels the request
     */
    public CompletableFuture<P> firstPage() {
        return AsyncPages.first(plan);
    }

    /**
     * Calls {@code action} with every item in order, reading page after page.
     *
     * @param action runs on the thread that completed each page; must not block
     * @return completes when every item was handed over, or fails with the first error (or with what
     *     {@code action} threw, after which no more pages are read); cancelling it stops the listing
     */
    public CompletableFuture<Void> forEach(Consumer<? super T> action) {
        return Flows.forEach(this, action);
    }

    /**
     * Reads the whole listing (up to the limit; see {@link #limit(long)}) into an unmodifiable list.
     *
     * @return the items in order, or the first error; cancelling it stops the listing
     */
    public CompletableFuture<List<T>> toList() {
        return Flows.toList(this);
    }
}
