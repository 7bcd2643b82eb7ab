package dev.conclave.it.modular;

import dev.conclave.ConclaveClient;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import java.net.URI;

/** Arguments: base URI, account SID, auth token, conference SID. Prints what it did, one fact a line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try (ConclaveClient client = ConclaveClient.builder().credentials(args[1], args[2])
                .baseUri(URI.create(args[0])).build()) {
            Participant created = client.participants().create(CreateParticipantRequest.builder(args[3],
                    "+15005550006", "+15558675310").label("modular").build());
            System.out.println("transport=" + client.transportName());
            System.out.println("module=" + ConclaveClient.class.getModule().getName());
            System.out.println("created=" + created.callSid());
            System.out.println("listed=" + client.participants().list(args[3]).toList().size());
        }
    }
}
