package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.Beep;
import dev.conclave.model.ConferenceCallbackEvent;
import dev.conclave.model.ConferenceRecord;
import dev.conclave.model.ConferenceRecordingCallbackEvent;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.HttpMethod;
import dev.conclave.model.JitterBufferSize;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.MachineDetection;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.RecordingCallbackEvent;
import dev.conclave.model.RecordingChannels;
import dev.conclave.model.RecordingTrack;
import dev.conclave.model.Region;
import dev.conclave.model.Trim;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.RecordedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every operation with every parameter: what reaches the server carries exactly the spec's names and forms. */
@Timeout(30)
class WireFormatTest extends Fixture {
    private static final String COACHED = "CA0123456789abcdef0123456789abcdef";

    @BeforeEach
    void clear() {
        emulator.clearJournal();
    }

    private static RecordedRequest last() {
        List<RecordedRequest> journal = emulator.journal();
        return journal.get(journal.size() - 1);
    }

    private static Set<String> names(RecordedRequest request) {
        return request.formParameters().stream().map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static CreateParticipantRequest everyCreateParameter(String conference, String label) {
        return CreateParticipantRequest.builder(conference, "+15005550006", "+15558675310")
                .statusCallback(URI.create("https://example.com/status"))
                .statusCallbackMethod(HttpMethod.GET)
                .statusCallbackEvents(ParticipantCallbackEvent.INITIATED, ParticipantCallbackEvent.RINGING,
                        ParticipantCallbackEvent.ANSWERED, ParticipantCallbackEvent.COMPLETED)
                .label(label)
                .timeout(45)
                .record(true)
                .muted(true)
                .beep(Beep.ON_EXIT)
                .startConferenceOnEnter(false)
                .endConferenceOnExit(true)
                .waitUrl(URI.create("https://example.com/wait.xml"))
                .waitMethod(HttpMethod.GET)
                .earlyMedia(false)
                .maxParticipants(10)
                .conferenceRecord(ConferenceRecord.RECORD_FROM_START)
                .conferenceTrim(Trim.DO_NOT_TRIM)
                .conferenceStatusCallback(URI.create("https://example.com/conference"))
                .conferenceStatusCallbackMethod(HttpMethod.POST)
                .conferenceStatusCallbackEvents(ConferenceCallbackEvent.START, ConferenceCallbackEvent.END,
                        ConferenceCallbackEvent.JOIN, ConferenceCallbackEvent.LEAVE, ConferenceCallbackEvent.MUTE,
                        ConferenceCallbackEvent.HOLD, ConferenceCallbackEvent.MODIFY, ConferenceCallbackEvent.SPEAKER,
                        ConferenceCallbackEvent.ANNOUNCEMENT)
                .recordingChannels(RecordingChannels.DUAL)
                .recordingStatusCallback(URI.create("https://example.com/recording"))
                .recordingStatusCallbackMethod(HttpMethod.GET)
                .sipAuthUsername("alice")
                .sipAuthPassword("p@ss word+1")
                .region(Region.IE1)
                .conferenceRecordingStatusCallback(URI.create("https://example.com/conference-recording"))
                .conferenceRecordingStatusCallbackMethod(HttpMethod.GET)
                .recordingStatusCallbackEvents(RecordingCallbackEvent.IN_PROGRESS, RecordingCallbackEvent.COMPLETED)
                .conferenceRecordingStatusCallbackEvents(ConferenceRecordingCallbackEvent.COMPLETED,
                        ConferenceRecordingCallbackEvent.FAILED)
                .coaching(true)
                .callSidToCoach(COACHED)
                .jitterBufferSize(JitterBufferSize.SMALL)
                .byoc("BY0123456789abcdef0123456789abcdef")
                .callerId("+15005550007")
                .callReason("Your appointment")
                .recordingTrack(RecordingTrack.INBOUND)
                .timeLimit(3600)
                .machineDetection(MachineDetection.DETECT_MESSAGE_END)
                .machineDetectionTimeout(20)
                .machineDetectionSpeechThreshold(2500)
                .machineDetectionSpeechEndThreshold(1300)
                .machineDetectionSilenceTimeout(6000)
                .amdStatusCallback(URI.create("https://example.com/amd"))
                .amdStatusCallbackMethod(HttpMethod.POST)
                .trim(Trim.TRIM_SILENCE)
                .callToken("token-123")
                .clientNotificationUrl(URI.create("https://example.com/push"))
                .callerDisplayName("Support Desk")
                .build();
    }

    @Test
    void createSendsAllFiftySpecParametersByTheirExactNames() {
        Participant created = client.participants().create(everyCreateParameter("wire-create", "everything"));
        RecordedRequest request = last();
        assertThat(request.responseStatus()).isEqualTo(201);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/2010-04-01/Accounts/" + emulator.accountSid()
                + "/Conferences/wire-create/Participants.json");
        assertThat(request.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
        assertThat(names(request)).containsExactlyElementsOf(Spec.bodyProperties(Spec.LIST_PATH, "post").keySet());
        assertThat(request.formValues("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(request.formValues("ConferenceStatusCallbackEvent"))
                .containsExactly("start", "end", "join", "leave", "mute", "hold", "modify", "speaker", "announcement");
        assertThat(request.formValues("RecordingStatusCallbackEvent")).containsExactly("in-progress", "completed");
        assertThat(request.formValues("ConferenceRecordingStatusCallbackEvent")).containsExactly("completed", "failed");
        assertThat(request.formValues("Muted")).containsExactly("true");
        assertThat(request.formValues("EarlyMedia")).containsExactly("false");
        assertThat(request.formValues("Timeout")).containsExactly("45");
        assertThat(request.formValues("Beep")).containsExactly("onExit");
        assertThat(request.formValues("MachineDetection")).containsExactly("DetectMessageEnd");
        assertThat(request.formValues("SipAuthPassword")).containsExactly("p@ss word+1");
        assertThat(request.formValues("From")).containsExactly("+15005550006");
        assertThat(request.bodyText()).contains("From=%2B15005550006").contains("SipAuthPassword=p%40ss+word%2B1");
        assertThat(created.label()).isEqualTo("everything");
        assertThat(created.muted()).isTrue();
        assertThat(created.coaching()).isTrue();
        assertThat(created.callSidToCoach()).isEqualTo(COACHED);
        assertThat(created.endConferenceOnExit()).isTrue();
        assertThat(created.startConferenceOnEnter()).isFalse();
    }

    @Test
    void everyValueFormMatchesTheSpecSchema() {
        client.participants().create(everyCreateParameter("wire-forms", "forms"));
        RecordedRequest request = last();
        Map<String, JsonNode> schema = Spec.bodyProperties(Spec.LIST_PATH, "post");
        for (Map.Entry<String, String> field : request.formParameters()) {
            JsonNode type = schema.get(field.getKey());
            String value = field.getValue();
            switch (type.path("type").asText()) {
                case "boolean" -> assertThat(value).as(field.getKey()).isIn("true", "false");
                case "integer" -> assertThat(value).as(field.getKey()).matches("-?[0-9]+");
                default -> {
                    if (type.has("enum")) {
                        List<String> allowed = new ArrayList<>();
                        type.path("enum").forEach(v -> allowed.add(v.asText()));
                        assertThat(value).as(field.getKey()).isIn(allowed);
                    }
                    if ("uri".equals(type.path("format").asText())) {
                        assertThat(URI.create(value).isAbsolute()).as(field.getKey()).isTrue();
                    }
                    if (type.has("pattern")) {
                        assertThat(value).as(field.getKey()).matches(type.path("pattern").asText());
                    }
                }
            }
        }
    }

    @Test
    void updateSendsAllTwelveSpecParameters() {
        Participant created = client.participants().create(CreateParticipantRequest.builder("wire-update", "+15005550006",
                "+15558675311").build());
        emulator.clearJournal();
        Participant updated = client.participants().update(created.conferenceSid(), created.callSid(), UpdateParticipantRequest.builder()
                .muted(true).hold(true)
                .holdUrl(URI.create("https://example.com/hold.mp3")).holdMethod(HttpMethod.GET)
                .announceUrl(URI.create("https://example.com/announce.xml")).announceMethod(HttpMethod.POST)
                .waitUrl(URI.create("")).waitMethod(HttpMethod.GET)
                .beepOnExit(false).endConferenceOnExit(true)
                .coaching(true).callSidToCoach(COACHED)
                .build());
        RecordedRequest request = last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/"
                + created.conferenceSid() + "/Participants/" + created.callSid() + ".json");
        assertThat(names(request)).containsExactlyElementsOf(Spec.bodyProperties(Spec.ITEM_PATH, "post").keySet());
        assertThat(request.formValues("WaitUrl")).containsExactly("");
        assertThat(updated.muted()).isTrue();
        assertThat(updated.hold()).isTrue();
        assertThat(updated.coaching()).isTrue();
        assertThat(updated.endConferenceOnExit()).isTrue();
    }

    @Test
    void listSendsEveryQueryParameterAndFetchAndDeleteUseTheirMethods() {
        Participant created = client.participants().create(CreateParticipantRequest.builder("wire-list", "+15005550006",
                "+15558675312").muted(true).build());
        String conference = created.conferenceSid();
        emulator.seedParticipants(conference, 5);
        ParticipantPage first = client.participants().list(ListParticipantsRequest.builder(conference).pageSize(2).build())
                .pages().iterator().next();
        String token = queryValue(first.nextPageUri(), "PageToken");
        emulator.clearJournal();
        List<?> rest = client.participants().list(ListParticipantsRequest.builder(conference).muted(true).hold(false)
                .coaching(false).pageSize(2).page(1).pageToken(token).build()).limit(1).toList();
        assertThat(rest).hasSize(1);
        RecordedRequest request = emulator.journal().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.queryParameters().stream().map(Map.Entry::getKey).toList())
                .containsExactlyElementsOf(Spec.queryParameters(Spec.LIST_PATH, "get"));
        assertThat(request.rawQuery()).isEqualTo("Muted=true&Hold=false&Coaching=false&PageSize=2&Page=1&PageToken="
                + token);

        emulator.clearJournal();
        client.participants().fetch(conference, created.callSid());
        client.participants().delete(conference, created.callSid());
        List<RecordedRequest> journal = emulator.journal();
        assertThat(journal).extracting(RecordedRequest::method).containsExactly("GET", "DELETE");
        assertThat(journal).extracting(RecordedRequest::rawQuery).containsOnlyNulls();
        assertThat(journal).extracting(RecordedRequest::responseStatus).containsExactly(200, 204);
        assertThat(journal.get(1).bodyText()).isEmpty();
    }

    static String queryValue(String uri, String name) {
        String query = URI.create(uri).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
