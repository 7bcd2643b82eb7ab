package dev.conclave.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of a participant listing, with Twilio's paging fields. The URIs are relative to the API host and
 * are followed as given; {@code nextPageUri} is {@code null} on the last page. Numeric fields are
 * {@code null} when the response lacked them.
 *
 * @param participants the participants on this page, in Twilio's order; never {@code null}, unmodifiable
 * @param page the page index
 * @param pageSize the requested page size
 * @param start the index of the first participant on this page within the whole listing
 * @param end the index of the last participant on this page (0 on an empty page)
 * @param uri this page's URI
 * @param firstPageUri the first page's URI
 * @param nextPageUri the next page's URI, or {@code null} on the last page
 * @param previousPageUri the previous page's URI, or {@code null} on the first page
 */
public record ParticipantPage(
        List<Participant> participants,
        Integer page,
        Integer pageSize,
        Integer start,
        Integer end,
        String uri,
        String firstPageUri,
        String nextPageUri,
        String previousPageUri) {

    /** Copies the participant list so the page stays immutable. */
    public ParticipantPage {
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
    }

    /** Whether Twilio announced a next page. */
    public boolean hasNextPage() {
        return nextPageUri != null && !nextPageUri.isEmpty();
    }

    /** How many participants this page holds. */
    public int size() {
        return participants.size();
    }
}
