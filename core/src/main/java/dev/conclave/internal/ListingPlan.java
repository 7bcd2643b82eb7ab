package dev.conclave.internal;

import dev.conclave.model.ParticipantPage;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a listing needs to start a walk: how to build its first page URI for a page size, the page size the
 * user asked for, the limit, how to read a page and how to resolve {@code next_page_uri}. Immutable.
 *
 * @param firstPage the first page's URI for a page size ({@code null}: Twilio's default)
 * @param requestedPageSize the page size the request set, or {@code null}
 * @param limit the most participants to return, or -1 for all
 * @param fetch reads one page
 * @param resolve resolves a {@code next_page_uri}
 */
public record ListingPlan(Function<Integer, URI> firstPage, Integer requestedPageSize, long limit,
                          Function<URI, CompletableFuture<ParticipantPage>> fetch, Function<String, URI> resolve) {
    /** Twilio's largest page. */
    private static final int MAX_PAGE_SIZE = 1000;

    /**
     * The same plan stopping after {@code maxParticipants}.
     *
     * @throws IllegalArgumentException if negative
     */
    public ListingPlan withLimit(long maxParticipants) {
        if (maxParticipants < 0) {
            throw new IllegalArgumentException("limit: must be 0 or more, got " + maxParticipants);
        }
        return new ListingPlan(firstPage, requestedPageSize, maxParticipants, fetch, resolve);
    }

    /** A new walk from the first page. */
    public PageCursor cursor() {
        return new PageCursor(limit == 0 ? null : firstPage.apply(effectivePageSize()), limit, fetch, resolve);
    }

    /** With a limit but no page size, pages just big enough that nothing beyond the limit is fetched. */
    private Integer effectivePageSize() {
        if (requestedPageSize != null || limit < 0) {
            return requestedPageSize;
        }
        return (int) Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
    }
}
