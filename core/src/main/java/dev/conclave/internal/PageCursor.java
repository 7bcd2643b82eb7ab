package dev.conclave.internal;

import dev.conclave.DecodingException;
import dev.conclave.model.ParticipantPage;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One walk through a listing, page by page: follows each page's {@code next_page_uri} exactly as given, stops
 * at the limit (cutting the last page short), and refuses a {@code next_page_uri} that repeats the page just
 * read. Used by both the blocking iterators and the async publishers. Not thread-safe: call {@link #next()}
 * again only after the previous future completed.
 */
public final class PageCursor {
    private final Function<URI, CompletableFuture<ParticipantPage>> fetch;
    private final Function<String, URI> resolve;
    private volatile URI next;
    private volatile long remaining;

    /**
     * Creates a cursor.
     *
     * @param first the first page's URI, or {@code null} for an empty walk
     * @param limit the most participants to return, or a negative number for no limit
     * @param fetch reads one page
     * @param resolve turns a {@code next_page_uri} into an absolute URI (refusing other hosts)
     */
    public PageCursor(URI first, long limit, Function<URI, CompletableFuture<ParticipantPage>> fetch,
                      Function<String, URI> resolve) {
        this.next = limit == 0 ? null : first;
        this.remaining = limit;
        this.fetch = fetch;
        this.resolve = resolve;
    }

    /** Whether another page is to be read. */
    public boolean hasNext() {
        return next != null && remaining != 0;
    }

    /**
     * Reads the next page.
     *
     * @return the page, cut to the limit; fails as the fetch fails, or with {@link DecodingException} when
     *     the page points at itself as the next one; cancelling it cancels the fetch
     * @throws java.util.NoSuchElementException if there is no next page
     */
    public CompletableFuture<ParticipantPage> next() {
        URI current = next;
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("no more pages");
        }
        next = null;
        CompletableFuture<ParticipantPage> read = fetch.apply(current);
        return Futures.cancellingSource(read.thenApply(fetched -> advance(current, fetched)), read);
    }

    private ParticipantPage advance(URI current, ParticipantPage page) {
        URI following = page.hasNextPage() ? resolve.apply(page.nextPageUri()) : null;
        if (current.equals(following)) {
            throw new DecodingException("next_page_uri repeats the page just read (" + current.getRawPath()
                    + "); stopping rather than looping", 200, null, null);
        }
        long left = remaining;
        if (left > 0) {
            if (page.size() >= left) {
                page = truncate(page, (int) left);
                following = null;
            }
            remaining = left - page.size();
        }
        next = following;
        return page;
    }

    private static ParticipantPage truncate(ParticipantPage page, int size) {
        if (page.size() == size) {
            return page;
        }
        return new ParticipantPage(page.participants().subList(0, size), page.page(), page.pageSize(),
                page.start(), page.end(), page.uri(), page.firstPageUri(), page.nextPageUri(),
                page.previousPageUri());
    }
}
