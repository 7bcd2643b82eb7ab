package dev.conclave;

import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.UpdateParticipantRequest;

/**
 * The five operations of the Participant resource, bound to one account, blocking the calling thread; their
 * non-blocking twins are {@link #async()}. {@link ConclaveClient#participants()} gives the one of the
 * credentials' account; {@link #forAccount(String)} one for a sub-account.
 *
 * <p>Every method blocks the calling thread until the exchange is done. Each throws
 * {@link IllegalArgumentException} for invalid arguments (nothing is sent), {@link ApiException} or one of
 * its subclasses when Twilio answers with an error, {@link TransportException} when no complete answer came,
 * and {@link DecodingException} when the answer could not be read (a value that is not of its type, such as a
 * date that is no date, fails the call and names the field). Returned participants are plain values.
 */
public interface ParticipantOperations {
    /**
     * The same operations, in the same account, without blocking: each returns a {@code CompletableFuture},
     * and listing is a demand-driven {@link java.util.concurrent.Flow.Publisher}.
     *
     * @return the non-blocking view; it shares this one's client and needs no closing
     */
    AsyncParticipantOperations async();

    /**
     * The same operations in another account (a sub-account), with the same client's credentials, transport and
     * call options.
     *
     * @param accountSid the account, {@code AC} followed by 32 hex digits
     * @return the view; it needs no closing and stops working when the client is closed
     * @throws IllegalArgumentException if the SID is not of that form
     */
    ParticipantOperations forAccount(String accountSid);

    /**
     * The same operations with other call settings: a retry policy, an attempt timeout or a call timeout that
     * differ from the client's (values left unset in {@code options} stay as they are here). The view shares
     * this one's account, credentials and transport, needs no closing, and can be kept and reused.
     *
     * @param options the settings to change
     * @return the view; its {@link #async()} uses the same settings
     */
    ParticipantOperations withOptions(CallOptions options);

    /**
     * Dials a participant into a conference (POST; Twilio answers 201).
     *
     * @param request what to dial and how; the conference may be a SID or a friendly name
     * @return the new participant, usually {@code queued}
     */
    Participant create(CreateParticipantRequest request);

    /**
     * Reads one participant (GET).
     *
     * @param conferenceSid the conference, {@code CF...}
     * @param callSidOrLabel the participant's call SID or its label (any text; it is percent-encoded)
     * @return the participant
     * @throws NotFoundException if there is no such conference or participant
     */
    Participant fetch(String conferenceSid, String callSidOrLabel);

    /**
     * Lists participants lazily: nothing is sent until the result is iterated, and pages are read as the
     * iteration needs them.
     *
     * @param request the conference, filters and page size
     * @return a re-iterable view; each iteration starts again from the first page
     */
    Listing<Participant, ParticipantPage> list(ListParticipantsRequest request);

    /**
     * Lists every participant of a conference lazily, 50 per page; see {@link #list(ListParticipantsRequest)}.
     *
     * @param conferenceSid the conference, {@code CF...}
     * @return a re-iterable view
     */
    default Listing<Participant, ParticipantPage> list(String conferenceSid) {
        return list(ListParticipantsRequest.builder(conferenceSid).build());
    }

    /**
     * Changes a participant: mute, hold, announce, coach... (POST; Twilio answers 200).
     *
     * @param conferenceSid the conference, {@code CF...}
     * @param callSidOrLabel the participant's call SID or label
     * @param request what to change; unset fields are left as they are
     * @return the participant after the change
     * @throws NotFoundException if there is no such conference or participant
     */
    Participant update(String conferenceSid, String callSidOrLabel, UpdateParticipantRequest request);

    /**
     * Removes (kicks) a participant from the conference, ending its call (DELETE; Twilio answers 204).
     *
     * @param conferenceSid the conference, {@code CF...}
     * @param callSidOrLabel the participant's call SID or label
     * @throws NotFoundException if there is no such conference or participant
     */
    void delete(String conferenceSid, String callSidOrLabel);
}
