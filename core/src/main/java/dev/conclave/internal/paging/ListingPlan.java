package dev.conclave.internal.paging;

import dev.conclave.model.Page;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a listing needs to start a walk: how to build its first page URI for a page size, the page size the
 * user asked for, the limit, whether to read a page ahead, whether a caller thread waits for each page, how to
 * read a page and how to follow a {@code next_page_uri}. Immutable.
 *
 * @param firstPage the first page's URI for a page size ({@code null}: Twilio's default)
 * @param requestedPageSize the page size the request set, or {@code null}
 * @param limit the most items to return, or -1 for all
 * @param readAheadAfterNanos how long the round trips of a page and of the one before it must both have taken for
 *     the page after it to be read ahead (see {@link PageCursor}): {@link #ALWAYS}, {@link #NEVER} or a time in
 *     nanoseconds
 * @param callerWaits whether a caller thread waits for each page (the blocking listing)
 * @param context captures, as a walk starts, what its calls are made within (the caller's current observation),
 *     opaque here
 * @param fetch reads one page
 * @param follow the URI of the page after the page read from the first URI, given that page's
 *     {@code next_page_uri}; throws {@link dev.conclave.DecodingException} for one that must not be followed
 *     (another host, another path)
 * @param truncate the same page with only its first items, for a limit that ends within it
 * @param <P> the resource's page type
 */
public record ListingPlan<P extends Page<?>>(Function<Integer, URI> firstPage, Integer requestedPageSize, long limit,
                          long readAheadAfterNanos, boolean callerWaits, Supplier<Object> context,
                          PageFetch<P> fetch, BiFunction<URI, String, URI> follow, BiFunction<P, Integer, P> truncate) {
    /** Read ahead whatever the round trips take. */
    public static final long ALWAYS = 0;
    /** Never read ahead. */
    public static final long NEVER = Long.MAX_VALUE;

    /** Twilio's largest page. */
    static final int MAX_PAGE_SIZE = 1000;
    /** Twilio's page size when none is asked for. */
    private static final int DEFAULT_PAGE_SIZE = 50;

    /** Reads one page of a listing. */
    @FunctionalInterface
    public interface PageFetch<P> {
        /**
         * Reads the page at {@code uri}.
         *
         * @param uri the page
         * @param callerWaits whether a caller thread waits for it (a blocking transport then runs on that thread)
         * @param context what the walk's {@code context} captured as it started: the call is made within it, on
         *     whichever thread it starts
         * @param nextPageUri told the page's {@code next_page_uri} as soon as the decoder reads it; never throws
         * @return the decoded page, or the typed failure; cancelling it cancels the call
         */
        CompletableFuture<P> fetch(URI uri, boolean callerWaits, Object context,
                                                 Consumer<String> nextPageUri);
    }

    /**
     * The same plan stopping after {@code maxItems}.
     *
     * @throws IllegalArgumentException if negative
     */
    public ListingPlan<P> withLimit(long maxItems) {
        if (maxItems < 0) {
            throw new IllegalArgumentException("limit: must be 0 or more, got " + maxItems);
        }
        return new ListingPlan<>(firstPage, requestedPageSize, maxItems, readAheadAfterNanos, callerWaits,
                context, fetch, follow, truncate);
    }

    /** The same plan, reading ahead always or never. */
    public ListingPlan<P> withReadAhead(boolean enabled) {
        return new ListingPlan<>(firstPage, requestedPageSize, limit, enabled ? ALWAYS : NEVER, callerWaits, context,
                fetch, follow, truncate);
    }

    /** The same plan, reading pages with {@code newFetch}. */
    public ListingPlan<P> withFetch(PageFetch<P> newFetch) {
        return new ListingPlan<>(firstPage, requestedPageSize, limit, readAheadAfterNanos, callerWaits, context,
                newFetch, follow, truncate);
    }

    /** The same plan, following {@code next_page_uri} with {@code newFollow}. */
    public ListingPlan<P> withFollow(BiFunction<URI, String, URI> newFollow) {
        return new ListingPlan<>(firstPage, requestedPageSize, limit, readAheadAfterNanos, callerWaits, context,
                fetch, newFollow, truncate);
    }

    /** A new walk from the first page. */
    public PageCursor<P> cursor() {
        return cursor(-1);
    }

    /**
     * A new walk from the first page that stops after {@code maxPages} pages, reading none ahead beyond them.
     *
     * @param maxPages the most pages, or a negative number for no limit
     */
    public PageCursor<P> cursor(long maxPages) {
        Integer pageSize = effectivePageSize();
        return new PageCursor<>(limit == 0 || maxPages == 0 ? null : firstPage.apply(pageSize), limit, maxPages,
                pageSize == null ? DEFAULT_PAGE_SIZE : pageSize, readAheadAfterNanos, callerWaits, context.get(), fetch,
                follow, truncate);
    }

    /** With a limit but no page size, pages just big enough that nothing beyond the limit is fetched. */
    private Integer effectivePageSize() {
        if (requestedPageSize != null || limit < 0) {
            return requestedPageSize;
        }
        return (int) Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
    }
}
