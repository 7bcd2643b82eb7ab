package dev.conclave.examples;

import dev.conclave.ParticipantsClient;
import dev.conclave.model.Beep;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.testkit.ParticipantEmulator;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The README's API tour as code that compiles and runs (against the embedded emulator), so the README cannot
 * drift from the API.
 */
public final class ApiTour {
    private ApiTour() {
    }

    /**
     * Runs the tour against an embedded emulator.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            tour(emulator.accountSid(), emulator.authToken(), emulator.baseUri(), System.out);
        }
    }

    /**
     * Walks through the five operations.
     *
     * @param accountSid the account
     * @param authToken its auth token
     * @param baseUri where the API is (an emulator here; leave it out of the builder for Twilio)
     * @param out where to print
     * @return how many participants were on hold before the kick
     */
    public static long tour(String accountSid, String authToken, URI baseUri, PrintStream out) {
        try (ParticipantsClient client = ParticipantsClient.builder()
                .credentials(accountSid, authToken)
                .baseUri(baseUri)
                .build()) {
            Participant agent = client.create(CreateParticipantRequest.builder("support-42", "+15005550006",
                            "+15558675310")
                    .label("agent-7")
                    .muted(true)
                    .beep(Beep.ON_ENTER)
                    .statusCallback(URI.create("https://example.com/status"))
                    .statusCallbackEvents(ParticipantCallbackEvent.RINGING, ParticipantCallbackEvent.ANSWERED)
                    .build());
            String conference = agent.conferenceSid();

            client.update(conference, "agent-7", UpdateParticipantRequest.builder().hold(true)
                    .holdUrl(URI.create("https://example.com/hold.mp3")).build());
            Participant fetched = client.fetch(conference, "agent-7");
            out.println("fetched " + fetched.label() + " on hold: " + fetched.hold());

            for (Participant p : client.list(ListParticipantsRequest.builder(conference).muted(true).build())) {
                out.println(p.callSid() + " " + p.status());
            }
            List<Participant> firstTen = client.list(conference).limit(10).toList();
            out.println("first ten: " + firstTen.size());
            long onHold = client.list(ListParticipantsRequest.builder(conference).hold(true).pageSize(1000).build())
                    .stream().count();

            // The same operations without blocking: futures, and listing as a demand-driven Flow.Publisher.
            CompletableFuture<Participant> later = client.async().fetch(conference, "agent-7");
            CompletableFuture<List<Participant>> muted = client.async()
                    .list(ListParticipantsRequest.builder(conference).muted(true).build()).limit(100).toList();
            out.println("async: " + later.join().label() + ", muted " + muted.join().size());

            client.delete(conference, "agent-7");
            return onHold;
        }
    }
}
