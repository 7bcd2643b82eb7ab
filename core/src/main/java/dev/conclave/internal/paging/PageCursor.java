package dev.conclave.internal.paging;

import dev.conclave.DecodingException;
import dev.conclave.internal.concurrent.AsyncExecutor;
import dev.conclave.internal.concurrent.Futures;
import dev.conclave.internal.paging.ListingPlan.PageFetch;
import dev.conclave.model.Page;
import java.net.URI;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * One walk through a listing, page by page: follows each page's {@code next_page_uri} exactly as given, stops
 * at the limit (cutting the last page short), and refuses a {@code next_page_uri} that repeats the page just
 * read. Used by both the blocking iterators and the async publishers.
 *
 * <p>Reading ahead, when the plan allows it: from the second page on, as soon as the page being read reports its
 * {@code next_page_uri} from inside its decoder (in Twilio's order of members that is before the participants),
 * the next page is asked for, so that its round trip overlaps the decoding of this page and whatever the consumer
 * does with it. Not from the first page, so that a caller who only wants the first page sends one request; at
 * most one page is read ahead of the consumer, and none while the page being read may reach the limit. A plan may
 * ask for reading ahead only after long round trips: the time from asking for a page to its decoder's report must
 * then have reached a threshold. A page read
 * ahead that is not the one wanted next (the walk ended, failed or was closed, or the decoded
 * {@code next_page_uri} differs) is cancelled. What a page read ahead fails with is what the consumer gets when
 * it asks for that page.
 *
 * <p>Not thread-safe for its consumer: call {@link #next()} again only after the previous future completed. The
 * decoders' reports may come from any thread.
 */
public final class PageCursor<P extends Page<?>> implements AutoCloseable {
    private final PageFetch<P> fetch;
    private final BiFunction<P, Integer, P> truncate;
    private final BiFunction<URI, String, URI> follow;
    private final int plannedPageSize;
    private final long readAheadAfterNanos;
    private final boolean callerWaits;
    private final Object context;
    private volatile URI next;
    private volatile long remaining;
    private final long maxPages;
    // The round trip reported last, of whichever page; -1 before the first.
    private volatile long lastRoundTripNanos = -1;
    // Pages the consumer asked for so far; touched by the consumer only.
    private int pagesTaken;
    // Guarded by this: the page read ahead of the consumer, and whether the walk is over.
    private Read ahead;
    private boolean closed;

    /**
     * Creates a cursor.
     *
     * @param first the first page's URI, or {@code null} for an empty walk
     * @param limit the most participants to return, or a negative number for no limit
     * @param plannedPageSize the most participants a page holds (the size asked for, or Twilio's default)
     * @param readAheadAfterNanos how long the round trips of the page being read and of the page before it must both
     *     have taken for the next one to be asked for as soon as its URI is known (two, so that one round trip
     *     slowed by a pause does not start reading ahead on a fast link): {@link ListingPlan#ALWAYS},
     *     {@link ListingPlan#NEVER} or a time in nanoseconds
     * @param callerWaits whether a caller thread waits for each page it asks for
     * @param context what every page's call is made within, whichever thread starts it (opaque here)
     * @param fetch reads one page
     * @param follow the absolute URI of the page after a page, given its URI and {@code next_page_uri}; throws
     *     for one not to follow (another host, another path)
     */
    public PageCursor(URI first, long limit, int plannedPageSize, long readAheadAfterNanos, boolean callerWaits,
                      Object context, PageFetch<P> fetch, BiFunction<URI, String, URI> follow,
                      BiFunction<P, Integer, P> truncate) {
        this(first, limit, -1, plannedPageSize, readAheadAfterNanos, callerWaits, context, fetch, follow, truncate);
    }

    /**
     * Creates a cursor that also stops after {@code maxPages} pages (none is read ahead beyond them); see the
     * other constructor for the rest.
     *
     * @param maxPages the most pages to read, or a negative number for no limit
     */
    public PageCursor(URI first, long limit, long maxPages, int plannedPageSize, long readAheadAfterNanos,
                      boolean callerWaits, Object context, PageFetch<P> fetch, BiFunction<URI, String, URI> follow,
                      BiFunction<P, Integer, P> truncate) {
        this.maxPages = maxPages;
        this.truncate = truncate;
        this.next = limit == 0 || maxPages == 0 ? null : first;
        this.remaining = limit;
        this.plannedPageSize = plannedPageSize;
        this.readAheadAfterNanos = readAheadAfterNanos;
        this.callerWaits = callerWaits;
        this.context = context;
        this.fetch = fetch;
        this.follow = follow;
    }

    /** One page asked for: by the consumer (taken), or ahead of it. */
    private final class Read {
        final URI uri;
        final long askedAt = System.nanoTime();
        // From asking for it to its decoder's report; -1 until then.
        volatile long roundTripNanos = -1;
        // The round trip reported before this one's, of the page before it; -1 if none.
        volatile long previousRoundTripNanos = -1;
        // Which page of the walk it is, from 1, once the consumer has taken it; 0 while it is read ahead. Set under
        // the cursor's lock when taken.
        volatile int ordinal;
        // Made before the Read is published, so that whoever takes it (even a late report's read ahead, racing a
        // retry that completed the page before) finds a future; the fetch is piped into it once started.
        final CompletableFuture<P> page = new CompletableFuture<>();
        // Guarded by the cursor.
        String reportedNext;
        boolean followed;

        Read(URI uri, int ordinal) {
            this.uri = uri;
            this.ordinal = ordinal;
        }

        /** Pipes the fetch into {@link #page}; cancelling the page cancels the fetch. */
        void started(CompletableFuture<P> fetched) {
            Futures.pipe(fetched, page);
        }
    }

    /** Whether another page is to be read. */
    public boolean hasNext() {
        return next != null && remaining != 0;
    }

    /**
     * Reads the next page, or takes the one read ahead.
     *
     * @return the page, cut to the limit; fails as the fetch fails, or with {@link DecodingException} when
     *     the page points at itself as the next one; cancelling it cancels the fetch
     * @throws NoSuchElementException if there is no next page
     */
    public CompletableFuture<P> next() {
        return next(false);
    }

    /**
     * Reads the next page, or takes the one read ahead; see {@link #next()}.
     *
     * @param mayContinueOnThisThread whether the caller ends its task without blocking once this returns, so that
     *     a page asked for now (not one read ahead) may be fetched next on this thread of the async executor
     *     (see {@link AsyncExecutor#continuingOnThisThread})
     */
    public CompletableFuture<P> next(boolean mayContinueOnThisThread) {
        URI current = next;
        if (!hasNext()) {
            throw new NoSuchElementException("no more pages");
        }
        next = null;
        Read read;
        Read stale = null;
        String reported = null;
        synchronized (this) {
            read = ahead;
            ahead = null;
            if (read != null && !read.uri.equals(current)) {
                stale = read;
                read = null;
            }
            if (read != null) {
                read.ordinal = pagesTaken + 1;
                if (!read.followed && read.reportedNext != null) {
                    read.followed = true;
                    reported = read.reportedNext;
                }
            }
        }
        if (stale != null) {
            stale.page.cancel(true);
        }
        pagesTaken++;
        if (read == null) {
            Read fresh = new Read(current, pagesTaken);
            fresh.started(mayContinueOnThisThread
                    ? AsyncExecutor.continuingOnThisThread(() -> fetchNow(fresh))
                    : fetchNow(fresh));
            read = fresh;
        } else if (reported != null && !read.page.isCompletedExceptionally()) {
            readAhead(read, reported);
        }
        CompletableFuture<P> page = read.page;
        int ordinal = pagesTaken;
        CompletableFuture<P> advanced = Futures.map(page, fetched -> advance(current, fetched, ordinal));
        advanced.whenComplete((ignored, failure) -> {
            if (failure != null) {
                close();
            }
        });
        return advanced;
    }

    private CompletableFuture<P> fetchNow(Read read) {
        try {
            return fetch.fetch(read.uri, callerWaits, context, uri -> reported(read, uri));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    /** Stops the walk: a page read ahead is cancelled, and no other will be. Idempotent. */
    @Override
    public void close() {
        Read dropped;
        synchronized (this) {
            closed = true;
            dropped = ahead;
            ahead = null;
        }
        cancel(dropped);
    }

    /** A page's decoder read its {@code next_page_uri}: follow it now if the consumer has the page, else later. */
    private void reported(Read read, String uri) {
        if (read.roundTripNanos < 0) {
            long roundTrip = System.nanoTime() - read.askedAt;
            read.previousRoundTripNanos = lastRoundTripNanos;
            read.roundTripNanos = roundTrip;
            lastRoundTripNanos = roundTrip;
        }
        synchronized (this) {
            if (read.followed || closed) {
                return;
            }
            if (read.ordinal == 0) {
                if (read.reportedNext == null) {
                    read.reportedNext = uri;
                }
                return;
            }
            read.followed = true;
        }
        readAhead(read, uri);
    }

    private void readAhead(Read current, String reported) {
        if (readAheadAfterNanos == ListingPlan.NEVER || current.ordinal < 2
                || (readAheadAfterNanos != ListingPlan.ALWAYS
                    && Math.min(current.roundTripNanos, current.previousRoundTripNanos) < readAheadAfterNanos)) {
            return;
        }
        if (maxPages >= 0 && current.ordinal >= maxPages) {
            // The page being read is the last one asked for.
            return;
        }
        long left = remaining;
        if (left >= 0 && left <= plannedPageSize) {
            // The page being read may end the walk.
            return;
        }
        URI following;
        try {
            following = follow.apply(current.uri, reported);
        } catch (RuntimeException refused) {
            // advance() refuses it with the same error once the page is decoded.
            return;
        }
        if (following.equals(current.uri)) {
            return;
        }
        Read read = new Read(following, 0);
        synchronized (this) {
            if (closed || ahead != null) {
                return;
            }
            ahead = read;
        }
        CompletableFuture<P> fetched;
        try {
            fetched = fetch.fetch(following, false, context, uri -> reported(read, uri));
        } catch (RuntimeException failed) {
            fetched = CompletableFuture.failedFuture(failed);
        }
        // If the walk was closed meanwhile, read.page is cancelled already and this cancels the fetch.
        read.started(fetched);
    }

    private P advance(URI current, P page, int ordinal) {
        URI following = page.hasNextPage() ? follow.apply(current, page.nextPageUri()) : null;
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
        if (maxPages >= 0 && ordinal >= maxPages) {
            following = null;
        }
        if (following == null) {
            close();
        }
        next = following;
        return page;
    }

    private void cancel(Read read) {
        if (read != null) {
            read.page.cancel(true);
        }
    }

    private P truncate(P page, int size) {
        return page.size() == size ? page : truncate.apply(page, size);
    }
}
