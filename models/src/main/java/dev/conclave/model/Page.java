package dev.conclave.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, with Twilio's paging fields: what every resource's page type has in common, so that
 * paging is written once for all of them. URIs are relative to the API host and followed as given.
 *
 * @param <T> the type of the listed items
 */
public interface Page<T> {
    /**
     * The items of this page, in Twilio's order.
     *
     * @return the items; never {@code null}, unmodifiable
     */
    List<T> items();

    /**
     * The page index.
     *
     * @return the index, or {@code null} when the response lacked it
     */
    Integer page();

    /**
     * The page size that was asked for.
     *
     * @return the size, or {@code null} when the response lacked it
     */
    Integer pageSize();

    /**
     * The index of this page's first item within the whole listing.
     *
     * @return the index, or {@code null} when the response lacked it
     */
    Integer start();

    /**
     * The index of this page's last item within the whole listing (0 on an empty page).
     *
     * @return the index, or {@code null} when the response lacked it
     */
    Integer end();

    /**
     * This page's URI.
     *
     * @return the URI text, or {@code null} when the response lacked it
     */
    String uri();

    /**
     * The first page's URI.
     *
     * @return the URI text, or {@code null} when the response lacked it
     */
    String firstPageUri();

    /**
     * The next page's URI.
     *
     * @return the URI text, or {@code null} on the last page
     */
    String nextPageUri();

    /**
     * The previous page's URI.
     *
     * @return the URI text, or {@code null} on the first page
     */
    String previousPageUri();

    /**
     * Whether Twilio announced a next page.
     *
     * @return true when {@link #nextPageUri()} is set
     */
    default boolean hasNextPage() {
        String next = nextPageUri();
        return next != null && !next.isEmpty();
    }

    /**
     * Where the next page starts, parsed from {@link #nextPageUri()}: a value to keep and resume the listing from
     * later (see {@link PagePosition}).
     *
     * @return the next page's position, or empty on the last page (or when the URI names no {@code Page})
     */
    default Optional<PagePosition> nextPage() {
        return hasNextPage() ? PagePosition.of(nextPageUri()) : Optional.empty();
    }

    /**
     * How many items this page holds.
     *
     * @return the number of items
     */
    default int size() {
        return items().size();
    }
}
