package dev.conclave;

import dev.conclave.internal.paging.ListingPlan;
import dev.conclave.internal.form.RequestForms;
import dev.conclave.internal.form.UrlEncoding;
import dev.conclave.internal.json.ParticipantJson;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.Sids;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.http.HttpRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The participant operations of one account, over a client's shared runtime: the blocking view is this
 * object, the non-blocking one {@link #async()}. Both build their requests here, in one place.
 */
final class AccountScopedOperations implements ParticipantOperations {
    private final ClientRuntime runtime;
    private final String accountSid;
    private final String accountPath;
    private final CallOptions options;
    private final AsyncParticipantOperations async = new Async();

    AccountScopedOperations(ClientRuntime runtime, String accountSid, CallOptions options) {
        this.runtime = runtime;
        this.options = options;
        this.accountSid = Sids.require("accountSid", Sids.ACCOUNT, accountSid);
        this.accountPath = "/2010-04-01/Accounts/" + accountSid + "/Conferences/";
    }

    String accountSid() {
        return accountSid;
    }

    @Override
    public AsyncParticipantOperations async() {
        return async;
    }

    @Override
    public ParticipantOperations forAccount(String otherAccountSid) {
        return new AccountScopedOperations(runtime, otherAccountSid, options);
    }

    @Override
    public ParticipantOperations withOptions(CallOptions newOptions) {
        java.util.Objects.requireNonNull(newOptions, "options");
        return new AccountScopedOperations(runtime, accountSid, options.overriddenBy(newOptions));
    }

    @Override
    public Participant create(CreateParticipantRequest request) {
        return runtime.call(Operations.CREATE_PARTICIPANT, createRequest(request), ParticipantJson::participant, options);
    }

    @Override
    public Participant fetch(String conferenceSid, String callSidOrLabel) {
        return runtime.call(Operations.FETCH_PARTICIPANT, fetchRequest(conferenceSid, callSidOrLabel),
                ParticipantJson::participant, options);
    }

    @Override
    public Listing<Participant, ParticipantPage> list(ListParticipantsRequest request) {
        return new Listing<>(runtime, plan(request, true));
    }

    @Override
    public Participant update(String conferenceSid, String callSidOrLabel, UpdateParticipantRequest request) {
        return runtime.call(Operations.UPDATE_PARTICIPANT, updateRequest(conferenceSid, callSidOrLabel, request),
                ParticipantJson::participant, options);
    }

    @Override
    public void delete(String conferenceSid, String callSidOrLabel) {
        runtime.call(Operations.DELETE_PARTICIPANT, deleteRequest(conferenceSid, callSidOrLabel), response -> null, options);
    }

    private HttpRequest createRequest(CreateParticipantRequest request) {
        Objects.requireNonNull(request, "request");
        return runtime.post(runtime.uri(listPath(request.conference()), null),
                RequestForms.createParticipant(request).bytes());
    }

    private HttpRequest fetchRequest(String conferenceSid, String callSidOrLabel) {
        return runtime.get(runtime.uri(participantPath(conferenceSid, callSidOrLabel), null));
    }

    private HttpRequest updateRequest(String conferenceSid, String callSidOrLabel, UpdateParticipantRequest request) {
        Objects.requireNonNull(request, "request");
        return runtime.post(runtime.uri(participantPath(conferenceSid, callSidOrLabel), null),
                RequestForms.updateParticipant(request).bytes());
    }

    private HttpRequest deleteRequest(String conferenceSid, String callSidOrLabel) {
        return runtime.delete(runtime.uri(participantPath(conferenceSid, callSidOrLabel), null));
    }

    private ListingPlan<ParticipantPage> plan(ListParticipantsRequest request, boolean callerWaits) {
        Objects.requireNonNull(request, "request");
        String path = listPath(request.conferenceSid());
        return new ListingPlan<>(
                pageSize -> runtime.uri(path, RequestForms.listParticipant(request, pageSize).text()),
                request.pageSize(),
                -1,
                runtime.readAheadAfterNanos(),
                callerWaits,
                runtime::currentObservation,
                (uri, waits, parent, nextPageUri) -> runtime.exchange(Operations.LIST_PARTICIPANT, runtime.get(uri),
                        response -> ParticipantJson.page(response, nextPageUri), waits, parent, options),
                runtime::resolvePageUri,
                ParticipantJson::truncated);
    }

    private String listPath(String conference) {
        return accountPath + UrlEncoding.pathSegment(conference) + "/Participants.json";
    }

    private String participantPath(String conferenceSid, String callSidOrLabel) {
        Sids.require("conferenceSid", Sids.CONFERENCE, conferenceSid);
        if (callSidOrLabel == null || callSidOrLabel.isEmpty()) {
            throw new IllegalArgumentException("callSidOrLabel is required: a call SID (CA...) or a label");
        }
        if (callSidOrLabel.indexOf('\r') >= 0 || callSidOrLabel.indexOf('\n') >= 0) {
            // No label can hold them (create refuses it), so such a value is a mistake or an injection attempt.
            throw new IllegalArgumentException("callSidOrLabel: CR and LF are not allowed (labels cannot contain them)");
        }
        return accountPath + conferenceSid + "/Participants/" + UrlEncoding.pathSegment(callSidOrLabel) + ".json";
    }

    @Override
    public String toString() {
        return "ParticipantOperations[account=" + accountSid + ", baseUri=" + runtime.baseUri() + ']';
    }

    /** The same operations, returning futures. */
    private final class Async implements AsyncParticipantOperations {
        @Override
        public CompletableFuture<Participant> create(CreateParticipantRequest request) {
            return runtime.callAsync(Operations.CREATE_PARTICIPANT, createRequest(request), ParticipantJson::participant, options);
        }

        @Override
        public CompletableFuture<Participant> fetch(String conferenceSid, String callSidOrLabel) {
            return runtime.callAsync(Operations.FETCH_PARTICIPANT, fetchRequest(conferenceSid, callSidOrLabel),
                    ParticipantJson::participant, options);
        }

        @Override
        public AsyncListing<Participant, ParticipantPage> list(ListParticipantsRequest request) {
            return new AsyncListing<>(plan(request, false));
        }

        @Override
        public CompletableFuture<Participant> update(String conferenceSid, String callSidOrLabel,
                                                     UpdateParticipantRequest request) {
            return runtime.callAsync(Operations.UPDATE_PARTICIPANT, updateRequest(conferenceSid, callSidOrLabel, request),
                    ParticipantJson::participant, options);
        }

        @Override
        public CompletableFuture<Void> delete(String conferenceSid, String callSidOrLabel) {
            return runtime.callAsync(Operations.DELETE_PARTICIPANT, deleteRequest(conferenceSid, callSidOrLabel), response -> null, options);
        }

        @Override
        public String toString() {
            return "AsyncParticipantOperations[account=" + accountSid + ", baseUri=" + runtime.baseUri() + ']';
        }
    }
}
