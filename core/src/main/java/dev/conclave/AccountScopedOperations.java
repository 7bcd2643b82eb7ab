package dev.conclave;

import dev.conclave.internal.ParticipantForms;
import dev.conclave.internal.ParticipantJson;
import dev.conclave.internal.UrlEncoding;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.Sids;
import dev.conclave.model.UpdateParticipantRequest;
import java.net.URI;
import java.util.Objects;

/** The participant operations of one account, over a client's shared runtime. */
final class AccountScopedOperations implements ParticipantOperations {
    private final ClientRuntime runtime;
    private final String accountSid;
    private final String accountPath;

    AccountScopedOperations(ClientRuntime runtime, String accountSid) {
        this.runtime = runtime;
        this.accountSid = Sids.require("accountSid", Sids.ACCOUNT, accountSid);
        this.accountPath = "/2010-04-01/Accounts/" + accountSid + "/Conferences/";
    }

    String accountSid() {
        return accountSid;
    }

    @Override
    public Participant create(CreateParticipantRequest request) {
        Objects.requireNonNull(request, "request");
        URI uri = runtime.uri(listPath(request.conference()), null);
        return runtime.call(Operation.CREATE, runtime.post(uri, ParticipantForms.create(request).bytes()),
                ParticipantJson::participant);
    }

    @Override
    public Participant fetch(String conferenceSid, String callSidOrLabel) {
        URI uri = runtime.uri(participantPath(conferenceSid, callSidOrLabel), null);
        return runtime.call(Operation.FETCH, runtime.get(uri), ParticipantJson::participant);
    }

    @Override
    public ParticipantListing list(ListParticipantsRequest request) {
        Objects.requireNonNull(request, "request");
        String path = listPath(request.conferenceSid());
        return new ParticipantListing(
                pageSize -> runtime.uri(path, ParticipantForms.listQuery(request, pageSize).text()),
                request.pageSize(),
                uri -> runtime.call(Operation.LIST, runtime.get(uri), ParticipantJson::page),
                runtime::resolvePageUri,
                -1);
    }

    @Override
    public Participant update(String conferenceSid, String callSidOrLabel, UpdateParticipantRequest request) {
        Objects.requireNonNull(request, "request");
        URI uri = runtime.uri(participantPath(conferenceSid, callSidOrLabel), null);
        return runtime.call(Operation.UPDATE, runtime.post(uri, ParticipantForms.update(request).bytes()),
                ParticipantJson::participant);
    }

    @Override
    public void delete(String conferenceSid, String callSidOrLabel) {
        URI uri = runtime.uri(participantPath(conferenceSid, callSidOrLabel), null);
        runtime.call(Operation.DELETE, runtime.delete(uri), response -> null);
    }

    private String listPath(String conference) {
        return accountPath + UrlEncoding.pathSegment(conference) + "/Participants.json";
    }

    private String participantPath(String conferenceSid, String callSidOrLabel) {
        Sids.require("conferenceSid", Sids.CONFERENCE, conferenceSid);
        if (callSidOrLabel == null || callSidOrLabel.isEmpty()) {
            throw new IllegalArgumentException("callSidOrLabel is required: a call SID (CA...) or a label");
        }
        return accountPath + conferenceSid + "/Participants/" + UrlEncoding.pathSegment(callSidOrLabel) + ".json";
    }

    @Override
    public String toString() {
        return "ParticipantOperations[account=" + accountSid + ", baseUri=" + runtime.baseUri() + ']';
    }
}
