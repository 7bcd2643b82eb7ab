package com.example.consumer;

import dev.conclave.ConclaveClient;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import java.net.URI;

/** Arguments: base URI, account SID, auth token. Dials one participant in and lists the conference. */
public final class Main {
    public static void main(String[] args) {
        try (ConclaveClient client = ConclaveClient.builder().credentials(args[1], args[2])
                .baseUri(URI.create(args[0])).build()) {
            Participant p = client.participants().create(CreateParticipantRequest.builder("consumer-check",
                    "+15005550006", "+15558675310").build());
            int listed = client.participants().list(p.conferenceSid()).toList().size();
            System.out.println("transport=" + client.transportName() + " named=" + ConclaveClient.class.getModule()
                    .isNamed() + " created=" + p.callSid() + " listed=" + listed);
        }
    }
}
