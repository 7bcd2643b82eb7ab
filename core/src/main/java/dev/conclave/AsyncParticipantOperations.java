package dev.conclave;

import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.UpdateParticipantRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The five operations of the Participant resource without blocking: each returns at once. Get one with
 * {@code client.participants().async()} ({@link ParticipantOperations#async()}).
 *
 * <p>Invalid arguments throw {@link IllegalArgumentException} at once (nothing is sent). Everything else
 * arrives through the returned future, completed exceptionally with the same typed exceptions the blocking
 * API throws ({@link ApiException} and its subclasses, {@link TransportException}, {@link DecodingException}),
 * never wrapped. Cancelling a future stops waiting for it: an exchange not yet sent is never sent; over
 * Netty one in progress is aborted (its connection closed); over a blocking transport one in progress runs to
 * its end, bounded by the timeouts. A create cancelled after it was sent may still have dialled.
 *
 * <p>Over a non-blocking transport (Netty) futures complete on the transport's event loop threads: callbacks
 * chained to them must not block there (use the {@code ...Async(fn, executor)} variants for blocking work).
 * Over a blocking transport (Apache) the exchanges run on the client's async executor, a bounded pool, or the
 * executor given to {@link ConclaveClient.Builder#asyncExecutor}.
 */
public interface AsyncParticipantOperations {
    /**
     * Dials a participant into a conference (POST; Twilio answers 201).
     *
     * @param request what to dial and how; the conference may be a SID or a friendly name
     * @return the new participant
     */
    CompletableFuture<Participant> create(CreateParticipantRequest request);

    /**
     * Reads one participant (GET).
     *
     * @param conferenceSid the conference, {@code CF...}
     * @param callSidOrLabel the participant's call SID or label
     * @return the participant; fails with {@link NotFoundException} if there is none
     * @throws IllegalArgumentException if the conference SID is malformed or the call SID or label is empty
     */
    CompletableFuture<Participant> fetch(String conferenceSid, String callSidOrLabel);

    /**
     * Lists participants as a lazy, demand-driven stream of pages: nothing is sent until it is subscribed to or
     * consumed, and a page is read only when more participants are wanted.
     *
     * @param request the conference, filters and page size
     * @return a re-usable listing; each subscription starts again from the first page
     */
    AsyncListing<Participant, ParticipantPage> list(ListParticipantsRequest request);

    /**
     * Lists every participant of a conference, 50 per page; see {@link #list(ListParticipantsRequest)}.
     *
     * @param conferenceSid the conference, {@code CF...}
     * @return a re-usable listing
     */
    default AsyncListing<Participant, ParticipantPage> list(String conferenceSid) {
        return list(ListParticipantsRequest.builder(conferenceSid).build());
    }

    /**
     * Changes a participant: mute, hold, announce, coach... (POST; Twilio answers 200).
     *
     * @param conferenceSid the conference, {@code CF...}
     * @param callSidOrLabel the participant's call SID or label
     * @param request what to change
     * @return the participant after the change
     */
    CompletableFuture<Participant> update(String conferenceSid, String callSidOrLabel,
                                          UpdateParticipantRequest request);

    /**
     * Removes (kicks) a participant (DELETE; Twilio answers 204).
     *
     * @param conferenceSid the conference, {@code CF...}
     * @param callSidOrLabel the participant's call SID or label
     * @return completes with {@code null} once Twilio confirmed
     */
    CompletableFuture<Void> delete(String conferenceSid, String callSidOrLabel);
}
