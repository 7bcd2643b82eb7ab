package dev.conclave.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a page of a listing starts, as Twilio's paging query gives it ({@code Page}, {@code PageToken},
 * {@code PageSize}): a small value to keep (in a database, a web page's "next" link) and resume the listing from
 * later, by setting the three on the listing's request:
 *
 * <pre>{@code
 * PagePosition next = page.nextPage().orElseThrow();
 * ListParticipantsRequest resumed = ListParticipantsRequest.builder(conference)
 *         .page(next.page()).pageToken(next.pageToken()).pageSize(next.pageSize()).build();
 * }</pre>
 *
 * <p>Twilio's page tokens are opaque and expire after a while; a position is a cursor, not a bookmark to keep for
 * days.
 *
 * @param page the page index ({@code Page}), 0 for the first page
 * @param pageToken Twilio's token for the page ({@code PageToken}), or {@code null} when the URI had none
 * @param pageSize the page size ({@code PageSize}), or {@code null} when the URI had none
 */
public record PagePosition(int page, String pageToken, Integer pageSize) {
    /**
     * Checks the values.
     *
     * @param page the page index ({@code Page}), 0 for the first page; not negative
     * @param pageToken Twilio's token for the page ({@code PageToken}), or {@code null} when the URI had none
     * @param pageSize the page size ({@code PageSize}), 1 to 1000, or {@code null} when the URI had none
     * @throws IllegalArgumentException if {@code page} is negative or {@code pageSize} is not 1 to 1000
     */
    public PagePosition {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, got " + page);
        }
        if (pageSize != null && (pageSize < 1 || pageSize > 1000)) {
            throw new IllegalArgumentException("pageSize must be from 1 to 1000, got " + pageSize);
        }
    }

    /**
     * The position a page URI of Twilio's (a {@code next_page_uri}, say) names.
     *
     * @param pageUri the URI text, relative or absolute
     * @return the position, or empty when the URI is {@code null} or names no {@code Page} (or an unreadable one)
     */
    public static Optional<PagePosition> of(String pageUri) {
        if (pageUri == null) {
            return Optional.empty();
        }
        int question = pageUri.indexOf('?');
        if (question < 0) {
            return Optional.empty();
        }
        int hash = pageUri.indexOf('#', question);
        String query = pageUri.substring(question + 1, hash < 0 ? pageUri.length() : hash);
        Integer page = null;
        Integer size = null;
        String token = null;
        try {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (pair.substring(0, eq)) {
                    case "Page" -> page = Integer.valueOf(value);
                    case "PageSize" -> size = Integer.valueOf(value);
                    case "PageToken" -> token = value;
                    default -> {
                    }
                }
            }
            return page == null ? Optional.empty() : Optional.of(new PagePosition(page, token, size));
        } catch (IllegalArgumentException unreadable) {
            // NumberFormatException, a malformed escape, or a value out of range.
            return Optional.empty();
        }
    }
}
