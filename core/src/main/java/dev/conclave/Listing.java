package dev.conclave;

import dev.conclave.http.ConclaveException;
import dev.conclave.internal.paging.ListingPlan;
import dev.conclave.internal.paging.PageCursor;
import dev.conclave.model.Page;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, re-iterable listing of one resource's items (participants, for {@code participants().list(...)}). Nothing is sent until it is iterated; pages are then read as the
 * iteration reaches them (and one ahead: see {@link #readAhead(boolean)}), following each page's
 * {@code next_page_uri} exactly as Twilio gave it. Every iteration (of the
 * participants, of {@link #pages()} or of {@link #stream()}) starts again from the first page, and iterators
 * are independent of each other. A listing is immutable and may be shared between threads; an iterator may
 * not.
 *
 * <p>Iterating blocks the calling thread and throws what {@link ParticipantOperations} methods throw, from
 * {@code hasNext()}/{@code next()}. For a non-blocking listing see {@link AsyncListing}.
 *
 * @param <T> the item type, e.g. {@link dev.conclave.model.Participant}
 * @param <P> the page type, e.g. {@link dev.conclave.model.ParticipantPage}
 */
public final class Listing<T, P extends Page<T>> implements Iterable<T> {
    private final ClientRuntime runtime;
    private final ListingPlan<P> plan;

    Listing(ClientRuntime runtime, ListingPlan<P> plan) {
        this.runtime = runtime;
        this.plan = plan;
    }

    /**
     * Returns a listing that stops after {@code maxItems}. When no page size was set, the page size is
     * chosen so that no more is fetched than needed (up to Twilio's maximum of 1000 per page).
     *
     * @param maxItems how many items at most; 0 gives an empty listing that sends nothing
     * @return a new listing; this one is unchanged
     * @throws IllegalArgumentException if negative
     */
    public Listing<T, P> limit(long maxItems) {
        return new Listing<>(runtime, plan.withLimit(maxItems));
    }

    /**
     * Returns a listing that reads ahead, or not. Reading ahead asks, from the second page on, for
     * the next page as soon as the page being read gives its {@code next_page_uri}, which Twilio sends before the
     * participants, so that the next round trip overlaps the decoding of this page and the caller's work on it.
     * Taking only the first page sends one request; at most one page is read ahead of the iteration, and never
     * one beyond a {@link #limit(long)}. An iteration that stops early (a {@code break}, a short-circuiting
     * stream) may have read one page for nothing; closing the {@link #stream()} cancels it.
     *
     * <p>By default a listing over a non-blocking transport (Netty) reads ahead, sending the page read ahead from
     * the thread that decodes the page before it. Over a blocking transport (Apache), where the page read ahead
     * is fetched on the client's async executor at the price of two thread hand-offs, it reads ahead only after two
     * pages in a row whose round trips took 5 ms or more: against Twilio that is every page, while on loopback the
     * hand-offs cost more than the overlap saves (see docs/BENCHMARKS.md).
     *
     * @param enabled {@code true} to read ahead, {@code false} to read each page only when the iteration
     *     reaches it
     * @return a new listing; this one is unchanged
     */
    public Listing<T, P> readAhead(boolean enabled) {
        return new Listing<>(runtime, plan.withReadAhead(enabled));
    }

    /**
     * Reads the first page only (cut to the limit), with one request; nothing is read ahead. Its
     * {@link Page#nextPage()} says where the next one starts, to resume from later.
     *
     * @return the first page
     * @throws NoSuchElementException if the listing is limited to 0 items (nothing is sent)
     * @throws ConclaveException as the listing's calls do (the typed exceptions of the operation)
     * @throws IllegalStateException if called on a transport's event loop thread
     */
    public P firstPage() {
        PageCursor<P> cursor = plan.cursor(1);
        if (!cursor.hasNext()) {
            throw AsyncPages.noFirstPage();
        }
        runtime.checkMayBlock();
        return ClientRuntime.await(cursor.next());
    }

    /** {@return the page-by-page view of this listing; each iteration starts again from the first page} */
    public Iterable<P> pages() {
        return PageIterator::new;
    }

    /** Iterates over the items, reading pages as needed. */
    @Override
    public Iterator<T> iterator() {
        return new ItemIterator<>(new PageIterator());
    }

    /**
     * A sequential, lazy stream of the items; pages are read as the stream advances. Closing it cancels
     * a page read ahead.
     *
     * @return the stream of items, in the listing's order
     */
    public Stream<T> stream() {
        PageIterator pages = new PageIterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new ItemIterator<>(pages),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(pages.cursor::close);
    }

    /**
     * Reads the whole listing (up to the limit) into an unmodifiable list.
     *
     * @return the items, in the listing's order
     */
    public List<T> toList() {
        return stream().toList();
    }

    private final class PageIterator implements Iterator<P> {
        private final PageCursor<P> cursor = plan.cursor();

        @Override
        public boolean hasNext() {
            return cursor.hasNext();
        }

        @Override
        public P next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more pages");
            }
            runtime.checkMayBlock();
            return ClientRuntime.await(cursor.next());
        }
    }

    private static final class ItemIterator<T> implements Iterator<T> {
        private final Iterator<? extends Page<T>> pages;
        private Iterator<T> current = Collections.emptyIterator();

        ItemIterator(Iterator<? extends Page<T>> pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            // An empty page in the middle of a listing is skipped, not taken for the end.
            while (!current.hasNext() && pages.hasNext()) {
                current = pages.next().items().iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items");
            }
            return current.next();
        }
    }
}
