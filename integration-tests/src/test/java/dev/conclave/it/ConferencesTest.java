package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.ApiException;
import dev.conclave.ConferenceOperations;
import dev.conclave.ConferenceRecordingOperations;
import dev.conclave.NotFoundException;
import dev.conclave.model.Conference;
import dev.conclave.model.ConferenceCallbackEvent;
import dev.conclave.model.ConferenceRecord;
import dev.conclave.model.ConferenceRecording;
import dev.conclave.model.ConferenceRecordingStatus;
import dev.conclave.model.ConferenceStatus;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListConferenceRecordingsRequest;
import dev.conclave.model.ListConferencesRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.PauseBehavior;
import dev.conclave.model.ReasonConferenceEnded;
import dev.conclave.model.RecordingSource;
import dev.conclave.model.Region;
import dev.conclave.model.UpdateConferenceRecordingRequest;
import dev.conclave.model.UpdateConferenceRequest;
import dev.conclave.emulator.RecordedRequest;
import dev.conclave.emulator.SentCallback;
import dev.conclave.webhook.FormParameters;
import dev.conclave.webhook.WebhookValidator;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Conference and Conference Recording resources against the emulator, both transports, both API shapes. */
@Timeout(30)
class ConferencesTest extends Fixture {
    private static final AtomicInteger ROOMS = new AtomicInteger();

    private static String room(String what) {
        return what + "-" + transport + "-" + ROOMS.incrementAndGet();
    }

    static Participant dialIn(String room, String label) {
        return joined(client.participants().create(CreateParticipantRequest.builder(room, "+15005550006",
                "+15558675310").label(label).build()));
    }

    /** The emulator moves a call on each time it is shown: connecting, ringing, then connected (joined). */
    static Participant joined(Participant created) {
        Participant p = created;
        for (int i = 0; i < 3; i++) {
            p = client.participants().fetch(created.conferenceSid(), created.callSid());
        }
        return p;
    }

    private static List<Conference> conferences(Shapes shape, ListConferencesRequest request) {
        ConferenceOperations ops = client.conferences();
        return shape == Shapes.SYNC ? ops.list(request).toList() : Shapes.join(ops.async().list(request).toList());
    }

    private static Conference fetch(Shapes shape, String sid) {
        return shape == Shapes.SYNC ? client.conferences().fetch(sid)
                : Shapes.join(client.conferences().async().fetch(sid));
    }

    private static Conference update(Shapes shape, String sid, UpdateConferenceRequest request) {
        return shape == Shapes.SYNC ? client.conferences().update(sid, request)
                : Shapes.join(client.conferences().async().update(sid, request));
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aConferenceIsFoundByNameReadAndEndedForEveryone(Shapes shape) {
        String room = room("support");
        Participant first = dialIn(room, "agent");
        dialIn(room, "customer");

        List<Conference> found = conferences(shape, ListConferencesRequest.builder().friendlyName(room)
                .status(ConferenceStatus.IN_PROGRESS).build());
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.sid()).isEqualTo(first.conferenceSid());
            assertThat(c.friendlyName()).isEqualTo(room);
            assertThat(c.accountSid()).isEqualTo(emulator.accountSid());
            assertThat(c.region()).isEqualTo(Region.US1);
            assertThat(c.reasonConferenceEnded()).isNull();
            assertThat(c.subresourceUris()).containsEntry("participants",
                    "/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/" + c.sid() + "/Participants.json");
        });
        assertThat(fetch(shape, first.conferenceSid())).isEqualTo(found.get(0));

        Conference ended = update(shape, first.conferenceSid(),
                UpdateConferenceRequest.builder().status(ConferenceStatus.COMPLETED).build());
        assertThat(ended.status()).isEqualTo(ConferenceStatus.COMPLETED);
        assertThat(ended.reasonConferenceEnded()).isEqualTo(ReasonConferenceEnded.CONFERENCE_ENDED_VIA_API);
        assertThat(ended.callSidEndingConference()).isNull();
        assertThat(client.participants().list(first.conferenceSid()).toList()).isEmpty();
        assertThatThrownBy(() -> client.participants().fetch(first.conferenceSid(), "agent"))
                .isInstanceOf(NotFoundException.class);
        assertThat(conferences(shape, ListConferencesRequest.builder().friendlyName(room)
                .status(ConferenceStatus.IN_PROGRESS).build())).isEmpty();
        assertThat(conferences(shape, ListConferencesRequest.builder().friendlyName(room).build()))
                .extracting(Conference::status).containsExactly(ConferenceStatus.COMPLETED);
    }

    @Test
    void kickingTheLastJoinedParticipantEndsTheConferenceAndRemovesThoseStillRinging() {
        String room = room("last");
        Participant host = dialIn(room, "host");
        Participant ringing = client.participants().create(CreateParticipantRequest.builder(room, "+15005550006",
                "+15558675311").label("late").build());
        assertThat(ringing.status().value()).isNotEqualTo("connected");

        client.participants().delete(room, "host");

        Conference ended = client.conferences().fetch(host.conferenceSid());
        assertThat(ended.status()).isEqualTo(ConferenceStatus.COMPLETED);
        assertThat(ended.reasonConferenceEnded()).isEqualTo(ReasonConferenceEnded.LAST_PARTICIPANT_KICKED);
        assertThat(ended.callSidEndingConference()).isEqualTo(host.callSid());
        assertThatThrownBy(() -> client.participants().fetch(host.conferenceSid(), ringing.callSid()))
                .isInstanceOf(NotFoundException.class);
        assertThat(client.participants().list(host.conferenceSid()).toList()).isEmpty();
    }

    @Test
    void aConferenceIsInitUntilSomeoneJoinsAndTheStatusFilterSaysSo() {
        String room = room("empty");
        String sid = emulator.createConference(room);
        assertThat(client.conferences().fetch(sid).status()).isEqualTo(ConferenceStatus.INIT);
        assertThat(client.conferences().list(ListConferencesRequest.builder().status(ConferenceStatus.INIT).build())
                .toList()).extracting(Conference::sid).contains(sid);
        assertThat(client.conferences().list(ListConferencesRequest.builder().status(ConferenceStatus.IN_PROGRESS)
                .build()).toList()).extracting(Conference::sid).doesNotContain(sid);
        dialIn(room, "first");
        assertThat(client.conferences().fetch(sid).status()).isEqualTo(ConferenceStatus.IN_PROGRESS);
    }

    @Test
    void theDateFiltersGoOutAsTwilioSpellsThemAndSelectByDay() {
        String room = room("dated");
        String sid = dialIn(room, "a").conferenceSid();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        emulator.clearJournal();
        List<Conference> onOrBeforeYesterday = client.conferences().list(ListConferencesRequest.builder()
                .friendlyName(room).dateCreatedOnOrBefore(today.minusDays(1)).build()).toList();
        RecordedRequest sent = emulator.journal().get(0);
        assertThat(sent.rawQuery()).contains("DateCreated%3C=" + today.minusDays(1));
        assertThat(onOrBeforeYesterday).isEmpty();
        assertThat(client.conferences().list(ListConferencesRequest.builder().friendlyName(room)
                .dateCreated(today).dateCreatedOnOrAfter(today).dateUpdatedOnOrBefore(today).build()).toList())
                .extracting(Conference::sid).containsExactly(sid);
        assertThat(client.conferences().list(ListConferencesRequest.builder().friendlyName(room)
                .dateUpdatedOnOrAfter(today.plusDays(1)).build()).toList()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void conferencesArePagedLikeParticipants(Shapes shape) {
        String prefix = room("paged");
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sids.add(emulator.createConference(prefix + "-" + i));
        }
        List<String> listed = new ArrayList<>();
        for (Conference c : conferences(shape, ListConferencesRequest.builder().pageSize(2).build())) {
            if (c.friendlyName().startsWith(prefix + "-")) {
                listed.add(c.sid());
            }
        }
        assertThat(listed).containsExactlyElementsOf(sids);
        assertThat(client.conferences().list(ListConferencesRequest.builder().pageSize(2).build()).pages()
                .iterator().next().conferences()).hasSize(2);
        assertThat(client.conferences().list(ListConferencesRequest.builder().build()).limit(3).toList()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aRecordingIsPausedResumedStoppedAndDeleted(Shapes shape) {
        String room = room("recorded");
        Participant p = joined(client.participants().create(CreateParticipantRequest.builder(room, "+15005550006",
                "+15558675310").conferenceRecord(ConferenceRecord.RECORD_FROM_START).build()));
        Recordings recordings = new Recordings(shape, client.conferenceRecordings());
        List<ConferenceRecording> listed = recordings.list(p.conferenceSid());
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ConferenceRecordingStatus.IN_PROGRESS);
            assertThat(r.conferenceSid()).isEqualTo(p.conferenceSid());
            assertThat(r.callSid()).isEqualTo(p.callSid());
            assertThat(r.source()).isEqualTo(RecordingSource.CONFERENCE);
            assertThat(r.sid()).startsWith("RE");
        });
        String sid = listed.get(0).sid();

        ConferenceRecording paused = recordings.update(p.conferenceSid(), sid, UpdateConferenceRecordingRequest
                .builder(ConferenceRecordingStatus.PAUSED).pauseBehavior(PauseBehavior.SKIP).build());
        assertThat(paused.status()).isEqualTo(ConferenceRecordingStatus.PAUSED);
        assertThat(recordings.update(p.conferenceSid(), "Twilio.CURRENT", UpdateConferenceRecordingRequest
                .builder(ConferenceRecordingStatus.IN_PROGRESS).build()).status())
                .isEqualTo(ConferenceRecordingStatus.IN_PROGRESS);
        assertThat(recordings.update(p.conferenceSid(), sid, UpdateConferenceRecordingRequest
                .builder(ConferenceRecordingStatus.STOPPED).build()).status())
                .isEqualTo(ConferenceRecordingStatus.STOPPED);
        ConferenceRecording done = recordings.fetch(p.conferenceSid(), sid);
        assertThat(done.status()).isEqualTo(ConferenceRecordingStatus.COMPLETED);
        assertThat(done.duration()).isNotNull();
        assertThatThrownBy(() -> recordings.update(p.conferenceSid(), sid, UpdateConferenceRecordingRequest
                .builder(ConferenceRecordingStatus.PAUSED).build()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));

        recordings.delete(p.conferenceSid(), sid);
        assertThatThrownBy(() -> recordings.fetch(p.conferenceSid(), sid)).isInstanceOf(NotFoundException.class);
        assertThat(recordings.list(p.conferenceSid())).isEmpty();
    }

    @Test
    void aRecordingUpdateTakesOnlyTheStatusesAnUpdateSets() {
        assertThatThrownBy(() -> UpdateConferenceRecordingRequest.builder(ConferenceRecordingStatus.COMPLETED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status (Status) must be one of in-progress, paused, stopped");
        assertThatThrownBy(() -> UpdateConferenceRequest.builder().status(ConferenceStatus.INIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be one of completed");
        assertThatThrownBy(() -> client.conferenceRecordings().fetch("CF0123456789abcdef0123456789abcdef", "Twilio.CURRENT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordingSid");
    }

    @Test
    void kickingTheLastParticipantOrOneWithEndOnExitEndsTheConferenceAndSaysWhy() {
        Participant alone = dialIn(room("alone"), "only");
        client.participants().delete(alone.conferenceSid(), alone.callSid());
        Conference ended = client.conferences().fetch(alone.conferenceSid());
        assertThat(ended.status()).isEqualTo(ConferenceStatus.COMPLETED);
        assertThat(ended.reasonConferenceEnded()).isEqualTo(ReasonConferenceEnded.LAST_PARTICIPANT_KICKED);
        assertThat(ended.callSidEndingConference()).isEqualTo(alone.callSid());

        String room = room("host");
        Participant host = joined(client.participants().create(CreateParticipantRequest.builder(room,
                "+15005550006", "+15558675310").label("host").endConferenceOnExit(true).build()));
        dialIn(room, "guest");
        client.participants().delete(host.conferenceSid(), "host");
        Conference afterHost = client.conferences().fetch(host.conferenceSid());
        assertThat(afterHost.reasonConferenceEnded())
                .isEqualTo(ReasonConferenceEnded.PARTICIPANT_WITH_END_CONFERENCE_ON_EXIT_KICKED);
        assertThat(afterHost.callSidEndingConference()).isEqualTo(host.callSid());
        assertThatThrownBy(() -> client.participants().fetch(host.conferenceSid(), "guest"))
                .isInstanceOf(NotFoundException.class);
        assertThat(emulator.conferenceSid(room)).as("the name is free for a new conference").isEmpty();
    }

    @Test
    void endingByUpdateSendsSignedLeaveAndEndCallbacksAndAnAnnouncementPlaysToAll() {
        String room = room("watched");
        String callback = "http://127.0.0.1:9/conference-" + room;
        Participant p = joined(client.participants().create(CreateParticipantRequest.builder(room, "+15005550006",
                        "+15558675310").label("watched")
                .conferenceStatusCallback(URI.create(callback))
                .conferenceStatusCallbackEvents(ConferenceCallbackEvent.START, ConferenceCallbackEvent.END,
                        ConferenceCallbackEvent.LEAVE, ConferenceCallbackEvent.ANNOUNCEMENT)
                .build()));
        client.conferences().update(p.conferenceSid(), UpdateConferenceRequest.builder()
                .announceUrl(URI.create("https://example.com/announce.xml")).build());
        client.conferences().update(p.conferenceSid(), UpdateConferenceRequest.builder()
                .status(ConferenceStatus.COMPLETED).build());
        List<SentCallback> mine = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mine.size() < 4 && System.nanoTime() < deadline) {
            mine = emulator.awaitSentCallbacks(Integer.MAX_VALUE, Duration.ofMillis(50)).stream()
                    .filter(c -> c.url().equals(callback)).toList();
        }
        assertThat(mine).extracting(SentCallback::event).containsExactly("conference-start", "announcement-end",
                "participant-leave", "conference-end");
        assertThat(mine.get(3).parameter("ReasonConferenceEnded")).contains("conference-ended-via-api");
        WebhookValidator validator = WebhookValidator.of(emulator.authToken());
        for (SentCallback sent : mine) {
            Map<String, List<String>> values = new java.util.LinkedHashMap<>();
            sent.parameters().forEach(e -> values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            FormParameters form = FormParameters.of(values);
            assertThat(validator.validateForm(sent.url(), form, sent.signature()).isValid()).as(sent.event()).isTrue();
        }
    }

    /** The recording view in one API shape. */
    record Recordings(Shapes shape, ConferenceRecordingOperations ops) {
        List<ConferenceRecording> list(String conferenceSid) {
            ListConferenceRecordingsRequest request = ListConferenceRecordingsRequest.builder(conferenceSid).build();
            return shape == Shapes.SYNC ? ops.list(request).toList() : Shapes.join(ops.async().list(request).toList());
        }

        ConferenceRecording fetch(String conferenceSid, String sid) {
            return shape == Shapes.SYNC ? ops.fetch(conferenceSid, sid) : Shapes.join(ops.async().fetch(conferenceSid, sid));
        }

        ConferenceRecording update(String conferenceSid, String sid, UpdateConferenceRecordingRequest request) {
            return shape == Shapes.SYNC ? ops.update(conferenceSid, sid, request)
                    : Shapes.join(ops.async().update(conferenceSid, sid, request));
        }

        void delete(String conferenceSid, String sid) {
            if (shape == Shapes.SYNC) {
                ops.delete(conferenceSid, sid);
            } else {
                Shapes.join(ops.async().delete(conferenceSid, sid));
            }
        }
    }
}
