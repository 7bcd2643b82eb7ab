package dev.conclave.it;

import static dev.conclave.it.ConferencesTest.dialIn;
import static dev.conclave.it.ConferencesTest.joined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.AmbiguousConferenceException;
import dev.conclave.NotFoundException;
import dev.conclave.ParticipantOperations;
import dev.conclave.model.Conference;
import dev.conclave.model.ConferenceRecord;
import dev.conclave.model.ConferenceRecording;
import dev.conclave.model.ConferenceRecordingStatus;
import dev.conclave.model.ConferenceStatus;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ReasonConferenceEnded;
import dev.conclave.model.UpdateConferenceRecordingRequest;
import dev.conclave.model.UpdateConferenceRequest;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.RecordedRequest;
import dev.conclave.emulator.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A conference given by its friendly name to every operation that takes one, both transports and API shapes. */
@Timeout(30)
class ConferenceByNameTest extends Fixture {
    private static final AtomicInteger ROOMS = new AtomicInteger();

    private static String room(String what) {
        return what + " " + transport + " #" + ROOMS.incrementAndGet();
    }

    /** The requests the emulator received since the journal was last cleared: method and raw path. */
    private static List<String> sent() {
        return emulator.journal().stream().map(r -> r.method() + " " + r.rawPath()).toList();
    }

    private static String lookup() {
        return "GET /2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences.json";
    }

    private static String conferencePath(String sid) {
        return "/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/" + sid;
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void everyParticipantOperationTakesTheConferenceByName(Shapes shape) {
        String room = room("by name");
        Participant agent = dialIn(room, "agent");
        String sid = agent.conferenceSid();
        ParticipantOperations participants = client.participants();
        emulator.clearJournal();

        assertThat(shape.fetch(participants, room, "agent").callSid()).isEqualTo(agent.callSid());
        assertThat(sent()).containsExactly(lookup(), "GET " + conferencePath(sid) + "/Participants/agent.json");
        RecordedRequest byName = emulator.journal().get(0);
        assertThat(byName.queryParameters()).contains(Map.entry("FriendlyName", room),
                Map.entry("Status", "in-progress"));

        assertThat(shape.update(participants, room, "agent", UpdateParticipantRequest.builder().muted(true).build())
                .muted()).isTrue();
        assertThat(shape.list(participants, ListParticipantsRequest.builder(room).muted(true).build()))
                .extracting(Participant::callSid).containsExactly(agent.callSid());
        emulator.clearJournal();
        shape.delete(participants, room, "agent");
        assertThat(sent()).containsExactly(lookup(), "DELETE " + conferencePath(sid) + "/Participants/agent.json");

        assertThatThrownBy(() -> shape.fetch(participants, room, "agent")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'" + room + "'");
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void everyConferenceAndRecordingOperationTakesTheConferenceByName(Shapes shape) {
        String room = room("recorded by name");
        Participant p = joined(client.participants().create(CreateParticipantRequest.builder(room, "+15005550006",
                "+15558675310").conferenceRecord(ConferenceRecord.RECORD_FROM_START).build()));
        Conference fetched = shape == Shapes.SYNC ? client.conferences().fetch(room)
                : Shapes.join(client.conferences().async().fetch(room));
        assertThat(fetched.sid()).isEqualTo(p.conferenceSid());
        assertThat(fetched.friendlyName()).isEqualTo(room);

        ConferencesTest.Recordings recordings = new ConferencesTest.Recordings(shape, client.conferenceRecordings());
        ConferenceRecording recording = recordings.list(room).get(0);
        assertThat(recordings.fetch(room, recording.sid())).isEqualTo(recording);
        assertThat(recordings.update(room, recording.sid(), UpdateConferenceRecordingRequest
                .builder(ConferenceRecordingStatus.PAUSED).build()).status())
                .isEqualTo(ConferenceRecordingStatus.PAUSED);
        recordings.delete(room, recording.sid());
        assertThat(recordings.list(room)).isEmpty();

        UpdateConferenceRequest end = UpdateConferenceRequest.builder().status(ConferenceStatus.COMPLETED).build();
        Conference ended = shape == Shapes.SYNC ? client.conferences().update(room, end)
                : Shapes.join(client.conferences().async().update(room, end));
        assertThat(ended.sid()).isEqualTo(p.conferenceSid());
        assertThat(ended.reasonConferenceEnded()).isEqualTo(ReasonConferenceEnded.CONFERENCE_ENDED_VIA_API);
        assertThatThrownBy(() -> client.conferences().fetch(room)).as("an ended conference is found by SID only")
                .isInstanceOf(NotFoundException.class);
        assertThat(client.conferences().fetch(p.conferenceSid()).status()).isEqualTo(ConferenceStatus.COMPLETED);
    }

    @Test
    void aListingByNameSendsNothingUntilWalkedThenLooksTheNameUpOncePerWalk() {
        String room = room("big room");
        Participant first = dialIn(room, "first");
        emulator.seedParticipants(first.conferenceSid(), 119);
        emulator.clearJournal();
        var listing = client.participants().list(ListParticipantsRequest.builder(room).pageSize(50).build());
        assertThat(sent()).isEmpty();

        assertThat(listing.toList()).hasSize(120);
        String pages = "GET " + conferencePath(first.conferenceSid()) + "/Participants.json";
        assertThat(sent()).containsExactly(lookup(), pages, pages, pages);
        emulator.clearJournal();
        assertThat(listing.limit(10).toList()).hasSize(10);
        assertThat(sent()).as("no cache: each walk looks the name up again").containsExactly(lookup(), pages);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aNameNoConferenceInProgressHasIsNotFoundNamingItAndNothingElseIsSent(Shapes shape) {
        String nobody = room("nobody here");
        emulator.clearJournal();
        assertThatThrownBy(() -> shape.fetch(client.participants(), nobody, "x"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("'" + nobody + "'")
                .satisfies(e -> assertThat(((NotFoundException) e).httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> shape.list(client.participants(), ListParticipantsRequest.builder(nobody).build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(nobody);
        assertThat(sent()).containsExactly(lookup(), lookup());
        CompletableFuture<Participant> async = client.participants().async().fetch(nobody, "x");
        assertThat(async.handle((value, failure) -> failure).join()).as("unwrapped")
                .isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aNameTwoConferencesShareIsAnErrorListingTheirSids(Shapes shape) {
        String one = "CF" + "1".repeat(32);
        String two = "CF" + "2".repeat(32);
        String page = "{\"conferences\":[{\"sid\":\"" + one + "\",\"friendly_name\":\"twice\"},{\"sid\":\"" + two
                + "\",\"friendly_name\":\"twice\"}],\"page\":0,\"page_size\":20,\"next_page_uri\":null}";
        emulator.faults().script(Route.LIST_CONFERENCES, 1, Fault.reply(200, "application/json",
                page.getBytes(StandardCharsets.UTF_8)));
        emulator.clearJournal();
        assertThatThrownBy(() -> shape.fetch(client.participants(), "twice", "x"))
                .isInstanceOf(AmbiguousConferenceException.class).hasMessageContaining(one).hasMessageContaining(two)
                .satisfies(e -> assertThat(((AmbiguousConferenceException) e).sids()).containsExactly(one, two));
        assertThat(sent()).containsExactly(lookup());
    }

    @Test
    void cancellingACallByNameWhileTheNameIsLookedUpSendsNothingMore() throws Exception {
        String room = room("cancelled");
        dialIn(room, "agent");
        emulator.faults().script(Route.LIST_CONFERENCES, 1, Fault.delay(Duration.ofMillis(800)));
        emulator.clearJournal();
        CompletableFuture<Void> kick = client.participants().async().delete(room, "agent");
        Thread.sleep(100);
        assertThat(kick.cancel(true)).isTrue();
        Thread.sleep(1_200);
        assertThat(sent()).doesNotContain("DELETE " + conferencePath(emulator.conferenceSid(room).orElseThrow())
                + "/Participants/agent.json");
        assertThat(client.participants().fetch(room, "agent").label()).isEqualTo("agent");
    }

    @Test
    void aNameWithControlCharactersIsRefusedBeforeAnythingIsSent() {
        emulator.clearJournal();
        assertThatThrownBy(() -> client.participants().fetch("line\nbreak", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conference");
        assertThatThrownBy(() -> client.conferences().async().update("line\rbreak",
                UpdateConferenceRequest.builder().status(ConferenceStatus.COMPLETED).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conference");
        assertThatThrownBy(() -> ListParticipantsRequest.builder("line\nbreak"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conference");
        assertThatThrownBy(() -> CreateParticipantRequest.builder("line\nbreak", "+15005550006", "+15558675310"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conference");
        assertThat(sent()).isEmpty();
    }

    @Test
    void dotSegmentsStayOneSegment() {
        emulator.clearJournal();
        Participant p = client.participants().create(CreateParticipantRequest.builder("..", "+15005550006",
                "+15558675310").label(".").build());
        assertThat(sent()).containsExactly("POST /2010-04-01/Accounts/" + emulator.accountSid()
                + "/Conferences/%2E%2E/Participants.json");
        assertThat(emulator.conferenceSid("..")).contains(p.conferenceSid());
        assertThat(client.participants().fetch(p.conferenceSid(), ".").callSid()).isEqualTo(p.callSid());
    }
}
