package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpResponse;
import dev.conclave.internal.json.ParticipantJson;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every response example inside the spec decodes, field by field. */
class SpecExamplesTest {
    static Stream<Arguments> examples() {
        return Spec.responseExamples().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theSpecHasExamplesOfEveryOperation() {
        Map<String, JsonNode> examples = Spec.responseExamples();
        assertThat(examples.keySet()).anyMatch(k -> k.startsWith("post 201"))
                .anyMatch(k -> k.startsWith("get 200 read")).anyMatch(k -> k.startsWith("get 200 fetch"))
                .anyMatch(k -> k.startsWith("post 200"));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decodesFieldByField(String name, JsonNode example) throws Exception {
        HttpResponse response = HttpResponse.of(200, HttpHeaders.empty(), new ObjectMapper().writeValueAsBytes(example));
        if (example.has("participants")) {
            ParticipantPage page = ParticipantJson.page(response, null);
            assertThat(page.page()).isEqualTo(example.path("page").asInt());
            assertThat(page.pageSize()).isEqualTo(example.path("page_size").asInt());
            assertThat(page.start()).isEqualTo(example.path("start").asInt());
            assertThat(page.end()).isEqualTo(example.path("end").asInt());
            assertThat(page.uri()).isEqualTo(text(example, "uri"));
            assertThat(page.firstPageUri()).isEqualTo(text(example, "first_page_uri"));
            assertThat(page.nextPageUri()).isEqualTo(text(example, "next_page_uri"));
            assertThat(page.previousPageUri()).isEqualTo(text(example, "previous_page_uri"));
            List<Participant> participants = page.participants();
            assertThat(participants).hasSize(example.path("participants").size());
            for (int i = 0; i < participants.size(); i++) {
                assertParticipant(participants.get(i), example.path("participants").get(i));
            }
        } else {
            assertParticipant(ParticipantJson.participant(response), example);
        }
    }

    private static void assertParticipant(Participant p, JsonNode json) {
        assertThat(p.accountSid()).isEqualTo(text(json, "account_sid"));
        assertThat(p.callSid()).isEqualTo(text(json, "call_sid"));
        assertThat(p.label()).isEqualTo(text(json, "label"));
        assertThat(p.callSidToCoach()).isEqualTo(text(json, "call_sid_to_coach"));
        assertThat(p.coaching()).isEqualTo(bool(json, "coaching"));
        assertThat(p.conferenceSid()).isEqualTo(text(json, "conference_sid"));
        assertThat(p.dateCreated()).isEqualTo(independentDate(json, "date_created"));
        assertThat(p.dateUpdated()).isEqualTo(independentDate(json, "date_updated"));
        assertThat(p.endConferenceOnExit()).isEqualTo(bool(json, "end_conference_on_exit"));
        assertThat(p.muted()).isEqualTo(bool(json, "muted"));
        assertThat(p.hold()).isEqualTo(bool(json, "hold"));
        assertThat(p.startConferenceOnEnter()).isEqualTo(bool(json, "start_conference_on_enter"));
        assertThat(p.status().value()).isEqualTo(json.path("status").asText());
        assertThat(p.status().isKnown()).isTrue();
        assertThat(p.queueTime()).isEqualTo(text(json, "queue_time"));
        assertThat(p.uri()).isEqualTo(text(json, "uri"));
        assertThat(json.size()).as("the example has exactly the 15 schema fields").isEqualTo(15);
    }

    /** java.time's own RFC 1123 reader, as an oracle independent of Conclave's parser. */
    private static Instant independentDate(JsonNode json, String field) {
        return ZonedDateTime.parse(json.path(field).asText(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Boolean bool(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }
}
