package dev.conclave.examples;

import dev.conclave.ConclaveClient;
import dev.conclave.ConferenceOperations;
import dev.conclave.ConferenceRecordingOperations;
import dev.conclave.ParticipantOperations;
import dev.conclave.model.Beep;
import dev.conclave.model.Conference;
import dev.conclave.model.ConferenceRecord;
import dev.conclave.model.ConferenceRecording;
import dev.conclave.model.ConferenceRecordingStatus;
import dev.conclave.model.ConferenceStatus;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.PauseBehavior;
import dev.conclave.model.UpdateConferenceRecordingRequest;
import dev.conclave.model.UpdateConferenceRequest;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
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
     * Walks through the participant operations, then a conference and its recording by name.
     *
     * @param accountSid the account
     * @param authToken its auth token
     * @param baseUri where the API is (an emulator here; leave it out of the builder for Twilio)
     * @param out where to print
     * @return how many participants were on hold before the kick
     */
    public static long tour(String accountSid, String authToken, URI baseUri, PrintStream out) {
        try (ConclaveClient client = ConclaveClient.builder()
                .credentials(accountSid, authToken)
                .baseUri(baseUri)
                .build()) {
            ParticipantOperations participants = client.participants();

            // Dial someone in. The conference may be a CF... SID or a friendly name (created on demand).
            Participant agent = participants.create(CreateParticipantRequest.builder("support-42", "+15005550006",
                            "+15558675310")
                    .label("agent-7")
                    .muted(true)
                    .conferenceRecord(ConferenceRecord.RECORD_FROM_START)
                    .beep(Beep.ON_ENTER)
                    .statusCallback(URI.create("https://example.com/status"))
                    .statusCallbackEvents(ParticipantCallbackEvent.RINGING, ParticipantCallbackEvent.ANSWERED)
                    .build());
            String conference = agent.conferenceSid();

            // Address a participant by call SID or by label (any text; Conclave percent-encodes it).
            participants.update(conference, "agent-7", UpdateParticipantRequest.builder().hold(true)
                    .holdUrl(URI.create("https://example.com/hold.mp3")).build());
            Participant fetched = participants.fetch(conference, "agent-7");
            out.println("fetched " + fetched.label() + " on hold: " + fetched.hold());

            for (Participant p : participants.list(ListParticipantsRequest.builder(conference).muted(true)
                    .build())) {
                out.println(p.callSid() + " " + p.status());
            }
            List<Participant> firstTen = participants.list(conference).limit(10).toList();
            out.println("first ten: " + firstTen.size());
            long onHold = participants.list(ListParticipantsRequest.builder(conference).hold(true).pageSize(1000)
                    .build()).stream().count();

            // The same operations without blocking: futures, and listing as a demand-driven Flow.Publisher.
            CompletableFuture<Participant> later = participants.async().fetch(conference, "agent-7");
            CompletableFuture<List<Participant>> muted = participants.async()
                    .list(ListParticipantsRequest.builder(conference).muted(true).build()).limit(100).toList();
            out.println("async: " + later.join().label() + ", muted " + muted.join().size());

            // A conference by its friendly name, everywhere a conference is taken: it resolves to the one in
            // progress of that name (NotFoundException if none).
            ConferenceOperations conferences = client.conferences();
            Conference support = conferences.fetch("support-42");
            out.println(support.friendlyName() + " " + support.status() + " in " + support.region());
            conferences.update("support-42", UpdateConferenceRequest.builder()
                    .announceUrl(URI.create("https://example.com/announce.xml")).build());   // plays to all

            ConferenceRecordingOperations recordings = client.conferenceRecordings();
            for (ConferenceRecording r : recordings.list("support-42")) {
                out.println("recording " + r.sid() + " " + r.status());
            }
            recordings.update("support-42", "Twilio.CURRENT",
                    UpdateConferenceRecordingRequest.builder(ConferenceRecordingStatus.PAUSED)
                            .pauseBehavior(PauseBehavior.SKIP).build());

            participants.create(CreateParticipantRequest.builder("support-42", "+15005550006", "+15558675311")
                    .label("caller-1").build());
            participants.delete("support-42", "caller-1");      // kick one
            Conference ended = conferences.update("support-42",  // end it for everyone
                    UpdateConferenceRequest.builder().status(ConferenceStatus.COMPLETED).build());
            out.println("ended: " + ended.reasonConferenceEnded());
            return onHold;
        }
    }
}
