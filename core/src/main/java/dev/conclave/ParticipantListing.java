package dev.conclave;

import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, re-iterable listing of participants. Nothing is sent until it is iterated; pages are then read one
 * at a time, following each page's {@code next_page_uri} exactly as Twilio gave it. Every iteration (of the
 * participants, of {@link #pages()} or of {@link #stream()}) starts again from the first page, and iterators
 * are independent of each other. A listing is immutable and may be shared between threads; an iterator may
 * not.
 *
 * <p>Iterating throws what {@link ParticipantOperations} methods throw, from {@code hasNext()}/{@code next()}.
 */
public final class ParticipantListing implements Iterable<Participant> {
    private final Function<Integer, URI> firstPage;
    private final Integer requestedPageSize;
    private final Function<URI, ParticipantPage> fetch;
    private final Function<String, URI> resolve;
    private final long limit;

    ParticipantListing(Function<Integer, URI> firstPage, Integer requestedPageSize,
                       Function<URI, ParticipantPage> fetch, Function<String, URI> resolve, long limit) {
        this.firstPage = firstPage;
        this.requestedPageSize = requestedPageSize;
        this.fetch = fetch;
        this.resolve = resolve;
        this.limit = limit;
    }

    /**
     * Returns a listing that stops after {@code maxParticipants}. When no page size was set, the page size is
     * chosen so that no more is fetched than needed (up to Twilio's maximum of 1000 per page).
     *
     * @param maxParticipants how many participants at most; 0 gives an empty listing that sends nothing
     * @return a new listing; this one is unchanged
     * @throws IllegalArgumentException if negative
     */
    public ParticipantListing limit(long maxParticipants) {
        if (maxParticipants < 0) {
            throw new IllegalArgumentException("limit: must be 0 or more, got " + maxParticipants);
        }
        return new ParticipantListing(firstPage, requestedPageSize, fetch, resolve, maxParticipants);
    }

    /** The page-by-page view of this listing; each iteration starts again from the first page. */
    public Iterable<ParticipantPage> pages() {
        return PageIterator::new;
    }

    /** Iterates over the participants, reading pages as needed. */
    @Override
    public Iterator<Participant> iterator() {
        return new ParticipantIterator(new PageIterator());
    }

    /** A sequential, lazy stream of the participants; pages are read as the stream advances. */
    public Stream<Participant> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Reads the whole listing (up to the limit) into an unmodifiable list. */
    public List<Participant> toList() {
        return stream().toList();
    }

    private Integer effectivePageSize() {
        if (requestedPageSize != null || limit < 0) {
            return requestedPageSize;
        }
        return (int) Math.max(1, Math.min(limit, 1000));
    }

    private final class PageIterator implements Iterator<ParticipantPage> {
        private URI next;
        private long remaining = limit;

        PageIterator() {
            next = limit == 0 ? null : firstPage.apply(effectivePageSize());
        }

        @Override
        public boolean hasNext() {
            return next != null && remaining != 0;
        }

        @Override
        public ParticipantPage next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more pages");
            }
            URI current = next;
            ParticipantPage page = fetch.apply(current);
            next = page.hasNextPage() ? resolve.apply(page.nextPageUri()) : null;
            if (current.equals(next)) {
                throw new DecodingException("next_page_uri repeats the page just read (" + current.getRawPath()
                        + "); stopping rather than looping", 200, null, null);
            }
            if (remaining > 0) {
                if (page.size() >= remaining) {
                    page = truncate(page, (int) remaining);
                    next = null;
                }
                remaining -= page.size();
            }
            return page;
        }

        private ParticipantPage truncate(ParticipantPage page, int size) {
            if (page.size() == size) {
                return page;
            }
            return new ParticipantPage(page.participants().subList(0, size), page.page(), page.pageSize(),
                    page.start(), page.end(), page.uri(), page.firstPageUri(), page.nextPageUri(),
                    page.previousPageUri());
        }
    }

    private static final class ParticipantIterator implements Iterator<Participant> {
        private final PageIterator pages;
        private Iterator<Participant> current = Collections.emptyIterator();

        ParticipantIterator(PageIterator pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            // An empty page in the middle of a listing is skipped, not taken for the end.
            while (!current.hasNext() && pages.hasNext()) {
                current = pages.next().participants().iterator();
            }
            return current.hasNext();
        }

        @Override
        public Participant next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more participants");
            }
            return current.next();
        }
    }
}
