package dev.conclave.examples;

import dev.conclave.ConclaveClient;
import dev.conclave.ConferenceRecordingOperations;
import dev.conclave.model.Conference;
import dev.conclave.model.ConferenceCallbackEvent;
import dev.conclave.model.ConferenceRecord;
import dev.conclave.model.ConferenceRecording;
import dev.conclave.model.ConferenceRecordingStatus;
import dev.conclave.model.ConferenceStatus;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.UpdateConferenceRecordingRequest;
import dev.conclave.model.UpdateConferenceRequest;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Objects;

/**
 * The README demo: dials three participants into a conference, waits for it to start, mutes one and holds one
 * (the conference given by its name), lists with a filter, pages through a large conference, pauses and resumes the
 * conference's recording, kicks one, updates the rest at once with the async API, plays an announcement to all and
 * ends the conference, printing each step.
 *
 * <p>The transport is {@code --transport apache} or {@code --transport netty} when given, else the one the
 * {@code conclave.transport} system property names, else the highest-priority one on the class path (Netty).
 *
 * <p>Where it runs:
 * <ul>
 *   <li>by default, against an embedded {@link ParticipantEmulator} on 127.0.0.1 (no network, no account);</li>
 *   <li>with {@code CONCLAVE_BASE_URI}, {@code TWILIO_ACCOUNT_SID} and {@code TWILIO_AUTH_TOKEN} set, against
 *       that server (an emulator already running, or a proxy in front of one);</li>
 *   <li>with {@code TWILIO_ACCOUNT_SID} and {@code TWILIO_AUTH_TOKEN} set and no {@code CONCLAVE_BASE_URI},
 *       against Twilio itself: real calls are placed from {@code CONCLAVE_FROM} to the comma-separated
 *       {@code CONCLAVE_TO} numbers (both required), into the conference {@code CONCLAVE_CONFERENCE} (default
 *       {@code conclave-demo}), and Twilio bills them.</li>
 * </ul>
 * A partial set (one of the two {@code TWILIO_*} variables, or a {@code CONCLAVE_*} one without them) is refused
 * rather than taken for "use the emulator".
 */
public final class Quickstart {
    private static final int LARGE_CONFERENCE = 300;

    private Quickstart() {
    }

    /**
     * Runs the demo.
     *
     * @param args {@code --transport NAME} optionally; everything else comes from the environment
     * @throws IllegalArgumentException if an argument is not understood
     */
    public static void main(String[] args) {
        String transport = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--transport") && i + 1 < args.length) {
                transport = args[++i];
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--transport apache|netty]");
            }
        }
        run(System.getenv(), transport, System.out);
    }

    /**
     * Runs the demo with the given environment on the default transport, printing to {@code out}.
     *
     * @param env the environment variables to read
     * @param out where to print the steps
     * @throws IllegalArgumentException if the environment is half-configured
     */
    public static void run(Map<String, String> env, PrintStream out) {
        run(env, null, out);
    }

    /**
     * Runs the demo with the given environment and transport, printing to {@code out}.
     *
     * @param env the environment variables to read
     * @param transport {@code apache}, {@code netty}, or {@code null} for the default choice
     * @param out where to print the steps
     * @throws IllegalArgumentException if the environment is half-configured
     * @throws IllegalStateException if no transport of that name is on the class path
     */
    public static void run(Map<String, String> env, String transport, PrintStream out) {
        String accountSid = set(env, "TWILIO_ACCOUNT_SID");
        String authToken = set(env, "TWILIO_AUTH_TOKEN");
        String baseUri = set(env, "CONCLAVE_BASE_URI");
        String realConference = set(env, "CONCLAVE_CONFERENCE");
        if ((accountSid == null) != (authToken == null)) {
            throw new IllegalArgumentException((accountSid == null ? "TWILIO_AUTH_TOKEN" : "TWILIO_ACCOUNT_SID")
                    + " is set but " + (accountSid == null ? "TWILIO_ACCOUNT_SID" : "TWILIO_AUTH_TOKEN")
                    + " is not: set both to use Twilio (or another server with CONCLAVE_BASE_URI), or neither to"
                    + " use the embedded emulator");
        }
        boolean remote = accountSid != null;
        if (!remote) {
            for (String name : List.of("CONCLAVE_BASE_URI", "CONCLAVE_CONFERENCE", "CONCLAVE_FROM", "CONCLAVE_TO")) {
                if (set(env, name) != null) {
                    throw new IllegalArgumentException(name + " is set, so TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"
                            + " must be set too (or unset " + name + " to use the embedded emulator)");
                }
            }
        }
        if (remote && baseUri == null && (set(env, "CONCLAVE_FROM") == null || set(env, "CONCLAVE_TO") == null)) {
            throw new IllegalArgumentException("calling Twilio needs CONCLAVE_FROM (a number of yours) and"
                    + " CONCLAVE_TO (up to three comma-separated numbers to call; Twilio places and bills real"
                    + " calls)");
        }
        if (remote) {
            ConclaveClient.Builder builder = ConclaveClient.builder().credentials(accountSid, authToken);
            if (transport != null) {
                builder.transport(transport);
            }
            if (baseUri != null) {
                builder.baseUri(URI.create(baseUri));
            }
            try (ConclaveClient client = builder.build()) {
                out.println("Using " + client.baseUri() + " (account " + accountSid + ") over "
                        + client.transportName());
                String from = Objects.requireNonNullElse(set(env, "CONCLAVE_FROM"), "+15005550006");
                List<String> to = List.of(Objects.requireNonNullElse(set(env, "CONCLAVE_TO"),
                        "+15558675310,+15558675311,+15558675312").split(","));
                String conference = realConference != null ? realConference : "conclave-demo";
                new Demo(client, out, from, to, conference, baseUri != null, null, null).run();
            }
            return;
        }
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            out.println("Started the embedded Conference API emulator at " + emulator.baseUri()
                    + " (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, CONCLAVE_FROM and CONCLAVE_TO to use Twilio)");
            runOnEmulator(emulator, transport, out, null, null);
        }
    }

    /** The variable's value, or {@code null} when it is unset or blank. */
    private static String set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Runs the demo against a running emulator; with callback URIs, the three participants of step 1 report
     * every participant and conference event to them.
     *
     * @param emulator the emulator to use
     * @param transport {@code apache}, {@code netty}, or {@code null} for the default choice
     * @param out where to print the steps
     * @param statusCallback each participant's {@code StatusCallback}, or {@code null} for none
     * @param conferenceCallback the conference's {@code ConferenceStatusCallback}, or {@code null} for none
     */
    public static void runOnEmulator(ParticipantEmulator emulator, String transport, PrintStream out,
                                     URI statusCallback, URI conferenceCallback) {
        try (ConclaveClient client = withTransport(ConclaveClient.builder()
                .credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(emulator.baseUri()), transport)
                .build()) {
            out.println("Transport: " + client.transportName());
            new Demo(client, out, "+15005550006", List.of("+15558675310", "+15558675311", "+15558675312"),
                    "conclave-demo", true, statusCallback, conferenceCallback).run();
        }
    }

    private static ConclaveClient.Builder withTransport(ConclaveClient.Builder builder, String transport) {
        return transport == null ? builder : builder.transport(transport);
    }

    private record Demo(ConclaveClient client, PrintStream out, String from, List<String> to,
                        String conference, boolean emulated, URI statusCallback, URI conferenceCallback) {
        void run() {
            step("1. Dial three participants into '" + conference + "' (alice's call starts its recording)");
            String[] labels = {"alice", "bob", "carol"};
            String conferenceSid = null;
            for (int i = 0; i < labels.length; i++) {
                CreateParticipantRequest.Builder dial = CreateParticipantRequest.builder(conference, from,
                        to.get(i % to.size())).label(labels[i]);
                if (i == 0) {
                    dial.conferenceRecord(ConferenceRecord.RECORD_FROM_START);
                }
                if (statusCallback != null) {
                    dial.statusCallback(statusCallback).statusCallbackEvents(ParticipantCallbackEvent.knownValues());
                }
                if (conferenceCallback != null) {
                    dial.conferenceStatusCallback(conferenceCallback)
                            .conferenceStatusCallbackEvents(ConferenceCallbackEvent.knownValues());
                }
                Participant p = client.participants().create(dial.build());
                conferenceSid = p.conferenceSid();
                out.printf("   dialled %-6s -> %s (%s)%n", labels[i], p.callSid(), p.status());
            }

            step("2. Wait until someone answers: the conference is 'init' until then");
            Conference started = awaitStart(conferenceSid);
            out.println("   " + started.friendlyName() + " is " + started.status() + " (" + started.sid() + ")");

            step("3. Mute bob (the conference by name, bob by label)");
            Participant bob = client.participants().update(conference, "bob",
                    UpdateParticipantRequest.builder().muted(true).build());
            out.println("   bob muted: " + bob.muted());

            step("4. Put carol on hold");
            Participant carol = client.participants().update(conference, "carol",
                    UpdateParticipantRequest.builder().hold(true).build());
            out.println("   carol on hold: " + carol.hold());

            step("5. Everyone in the conference");
            table(client.participants().list(conference).toList());

            step("6. Only the muted participants (filter Muted=true)");
            table(client.participants().list(ListParticipantsRequest.builder(conference).muted(true).build())
                    .toList());

            if (emulated) {
                step("7. Page through a conference of " + LARGE_CONFERENCE + " participants, 50 per page");
                String large = "conclave-demo-large";
                String largeSid = null;
                for (int i = 0; i < LARGE_CONFERENCE; i++) {
                    largeSid = client.participants().create(CreateParticipantRequest.builder(large, from, to.get(0))
                            .label(String.format("guest-%03d", i)).muted(i % 4 == 0).build()).conferenceSid();
                }
                int pages = 0;
                int seen = 0;
                for (ParticipantPage page : client.participants()
                        .list(ListParticipantsRequest.builder(largeSid).pageSize(50).build()).pages()) {
                    pages++;
                    seen += page.size();
                    out.printf("   page %d: %d participants, %s%n", page.page(), page.size(),
                            page.hasNextPage() ? "more follow" : "last page");
                }
                out.println("   " + seen + " participants in " + pages + " pages");
            } else {
                step("7. (skipped against Twilio: paging a conference of hundreds would place hundreds of calls)");
            }

            step("8. Pause the conference's recording, then resume it");
            ConferenceRecordingOperations recordings = client.conferenceRecordings();
            for (ConferenceRecording r : recordings.list(conference)) {
                out.println("   recording " + r.sid() + ": " + r.status());
            }
            ConferenceRecording paused = recordings.update(conference, "Twilio.CURRENT",
                    UpdateConferenceRecordingRequest.builder(ConferenceRecordingStatus.PAUSED).build());
            out.println("   recording " + paused.sid() + ": " + paused.status());
            ConferenceRecording resumed = recordings.update(conference, "Twilio.CURRENT",
                    UpdateConferenceRecordingRequest.builder(ConferenceRecordingStatus.IN_PROGRESS).build());
            out.println("   recording " + resumed.sid() + ": " + resumed.status());

            step("9. Kick alice");
            client.participants().delete(conference, "alice");
            table(client.participants().list(conference).toList());

            step("10. Unmute and unhold everyone left, all at once (participants().async())");
            String room = conferenceSid;
            List<CompletableFuture<Participant>> updates = client.participants().async().list(room).toList()
                    .thenApply(everyone -> everyone.stream()
                            .map(p -> client.participants().async().update(room, p.callSid(),
                                    UpdateParticipantRequest.builder().muted(false).hold(false).build()))
                            .toList())
                    .join();
            CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).join();
            out.println("   " + updates.size() + " updates sent concurrently");
            table(client.participants().list(conferenceSid).toList());

            step("11. Play an announcement to everyone, then end the conference for all");
            client.conferences().update(conference, UpdateConferenceRequest.builder()
                    .announceUrl(URI.create("https://demo.twilio.com/docs/classic.mp3")).build());
            Conference ended = client.conferences().update(conference, UpdateConferenceRequest.builder()
                    .status(ConferenceStatus.COMPLETED).build());
            out.println("   " + ended.friendlyName() + " is " + ended.status() + " ("
                    + ended.reasonConferenceEnded() + ")");
            table(client.participants().list(conferenceSid).toList());
            out.println();
            out.println("Done.");
        }

        /**
         * The conference once someone is in it, checking every half second for at most a minute (the emulator
         * connects a call each time its participants are shown, so it needs no waiting).
         */
        private Conference awaitStart(String conferenceSid) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (true) {
                Conference now = client.conferences().fetch(conferenceSid);
                if (ConferenceStatus.IN_PROGRESS.equals(now.status())) {
                    return now;
                }
                if (ConferenceStatus.COMPLETED.equals(now.status()) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("nobody answered: the conference is " + now.status());
                }
                List<Participant> ringing = client.participants().list(conferenceSid).toList();
                out.println("   " + now.status() + ": " + ringing.stream()
                        .map(p -> p.label() + " " + p.status()).toList());
                if (!emulated) {
                    sleep(Duration.ofMillis(500));
                }
            }
        }

        private static void sleep(Duration pause) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the conference to start", interrupted);
            }
        }

        private void step(String title) {
            out.println();
            out.println(title);
        }

        private void table(List<Participant> participants) {
            String format = "   %-34s  %-8s  %-10s  %-5s  %-5s%n";
            out.printf(format, "CALL SID", "LABEL", "STATUS", "MUTED", "HOLD");
            for (Participant p : participants) {
                out.printf(format, p.callSid(), p.label(), p.status(), p.isMuted() ? "yes" : "no",
                        p.isOnHold() ? "yes" : "no");
            }
            out.println("   (" + participants.size() + " participant" + (participants.size() == 1 ? "" : "s") + ")");
        }
    }
}
