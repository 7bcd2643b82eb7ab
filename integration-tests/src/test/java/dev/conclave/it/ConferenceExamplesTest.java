package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpResponse;
import dev.conclave.internal.json.ConferenceJson;
import dev.conclave.internal.json.ConferenceRecordingJson;
import dev.conclave.model.Page;
import dev.conclave.model.WireValue;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every conference and recording response example of the spec decodes, each schema field to its component. */
class ConferenceExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> examples() {
        return Spec.responseExamples(Spec.conferences()).entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theSpecHasExamplesOfBothResources() {
        assertThat(Spec.responseExamples(Spec.conferences()).values())
                .anyMatch(e -> e.has("conferences")).anyMatch(e -> e.has("recordings"))
                .anyMatch(e -> e.has("subresource_uris")).anyMatch(e -> e.has("encryption_details"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decodesFieldByField(String name, JsonNode example) throws Exception {
        HttpResponse response = HttpResponse.of(200, HttpHeaders.empty(), JSON.writeValueAsBytes(example));
        boolean recording = example.has("recordings") || example.has("encryption_details");
        if (example.has("conferences") || example.has("recordings")) {
            Page<? extends Record> page = recording ? ConferenceRecordingJson.page(response, null)
                    : ConferenceJson.page(response, null);
            JsonNode items = example.path(recording ? "recordings" : "conferences");
            assertThat(page.items()).hasSize(items.size());
            for (int i = 0; i < items.size(); i++) {
                assertFields(page.items().get(i), items.get(i));
            }
        } else {
            assertFields(recording ? ConferenceRecordingJson.conferenceRecording(response)
                    : ConferenceJson.conference(response), example);
        }
    }

    /** Each record component against the example's field of the same (snake case) name, by an independent reading. */
    private static void assertFields(Record value, JsonNode json) throws Exception {
        RecordComponent[] components = value.getClass().getRecordComponents();
        assertThat(json.size()).as("the example has exactly the schema's fields").isEqualTo(components.length);
        for (RecordComponent component : components) {
            String field = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            assertThat(json.has(field)).as(field).isTrue();
            Object decoded = component.getAccessor().invoke(value);
            JsonNode expected = json.get(field);
            if (expected.isNull()) {
                assertThat(decoded).as(field).isNull();
            } else if (decoded instanceof Instant instant) {
                assertThat(instant).as(field).isEqualTo(
                        ZonedDateTime.parse(expected.asText(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } else if (decoded instanceof WireValue wire) {
                assertThat(wire.value()).as(field).isEqualTo(expected.asText());
                // Twilio's examples give some conferences the region "unknown", which no request may send: it is kept.
                assertThat(wire.isKnown()).as(field + " is a listed value").isEqualTo(!expected.asText().equals("unknown"));
            } else if (decoded instanceof Map<?, ?> map) {
                Map<String, String> uris = new LinkedHashMap<>();
                expected.fields().forEachRemaining(e -> uris.put(e.getKey(), e.getValue().asText()));
                assertThat(new LinkedHashMap<Object, Object>(map)).as(field).isEqualTo(new LinkedHashMap<Object, Object>(uris));
                assertThat(List.copyOf(map.keySet())).as(field + " order").isEqualTo(List.copyOf(uris.keySet()));
            } else if (field.equals("encryption_details")) {
                assertThat(JSON.readTree((String) decoded)).as(field).isEqualTo(expected);
            } else if (decoded instanceof Integer number) {
                assertThat(number).as(field).isEqualTo(expected.asInt());
            } else {
                assertThat(decoded).as(field).isEqualTo(expected.asText());
            }
        }
    }
}
