package dev.conclave;

import dev.conclave.internal.concurrent.Flows;
import dev.conclave.internal.paging.ListingPlan;
import dev.conclave.internal.paging.PageCursor;
import dev.conclave.internal.paging.PagePublisher;
import dev.conclave.model.Page;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The pages of an {@link AsyncListing}, as a {@link Flow.Publisher}: one {@code onNext} per page read, the last one
 * cut to the listing's limit. Demand decides how many pages are read (with the listing's read-ahead, one more may
 * be in flight, and is cancelled with the subscription). Each subscription, {@link #forEach} and {@link #toList()}
 * starts again from the first page; immutable, may be shared. Failures are the typed exceptions of the listing,
 * never wrapped.
 *
 * @param <P> the page type, e.g. {@link dev.conclave.model.ParticipantPage}
 */
public final class AsyncPages<P extends Page<?>> implements Flow.Publisher<P> {
    private final ListingPlan<P> plan;
    private final long maxPages;

    AsyncPages(ListingPlan<P> plan, long maxPages) {
        this.plan = plan;
        this.maxPages = maxPages;
    }

    /**
     * Returns pages that stop after {@code maxPages} pages; none is requested, or read ahead, beyond them.
     *
     * @param maxPages how many pages at most; 0 gives no page and sends nothing
     * @return new pages; these are unchanged
     * @throws IllegalArgumentException if negative
     */
    public AsyncPages<P> limit(long maxPages) {
        if (maxPages < 0) {
            throw new IllegalArgumentException("limit: must be 0 or more pages, got " + maxPages);
        }
        return new AsyncPages<>(plan, maxPages);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super P> subscriber) {
        new PagePublisher<P, P>(() -> plan.cursor(maxPages), List::of).subscribe(subscriber);
    }

    /**
     * Calls {@code action} with every page in order.
     *
     * @param action runs on the thread that completed each page; must not block
     * @return completes when every page was handed over, or fails with the first error (or with what
     *     {@code action} threw, after which no more pages are read); cancelling it stops the listing
     */
    public CompletableFuture<Void> forEach(Consumer<? super P> action) {
        return Flows.forEach(this, action);
    }

    /**
     * Reads every page (up to the limits) into an unmodifiable list.
     *
     * @return the pages in order, or the first error; cancelling it stops the listing
     */
    public CompletableFuture<List<P>> toList() {
        return Flows.toList(this);
    }

    /** The first page of {@code plan}: one request, nothing read ahead; a failed future for a limit of 0. */
    static <P extends Page<?>> CompletableFuture<P> first(ListingPlan<P> plan) {
        PageCursor<P> cursor = plan.cursor(1);
        if (!cursor.hasNext()) {
            return CompletableFuture.failedFuture(noFirstPage());
        }
        return cursor.next();
    }

    static NoSuchElementException noFirstPage() {
        return new NoSuchElementException("a listing limited to 0 items has no first page (and sends nothing)");
    }
}
