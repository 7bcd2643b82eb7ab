package dev.conclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conclave.emulator.internal.ParameterRules;
import dev.conclave.emulator.internal.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator's parameter tables say what the spec says: the same names, value sets and ranges. */
class RulesMatchSpecTest {
    private static final String LIST = "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json";
    private static final String ITEM =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json";
    private static final String CONFERENCES = "/2010-04-01/Accounts/{AccountSid}/Conferences.json";
    private static final String CONFERENCE = "/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json";
    private static final String RECORDINGS =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings.json";
    private static final String RECORDING =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json";
    private static final Pattern BACKQUOTED = Pattern.compile("`([^`']+)`");
    private static JsonNode spec;
    private static JsonNode conferences;

    @BeforeAll
    static void readSpec() throws IOException {
        spec = read("twilio_api_v2010_participants.json");
        conferences = read("twilio_api_v2010_conferences.json");
    }

    private static JsonNode read(String file) throws IOException {
        Path path = Path.of(System.getProperty("conclave.spec.dir", "../spec"), file);
        if (!Files.isRegularFile(path)) {
            fail("The vendored OpenAPI spec is missing at " + path.toAbsolutePath());
        }
        return new ObjectMapper().readTree(path.toFile());
    }

    /** The schema itself, or the component it refers to. */
    private static JsonNode resolved(JsonNode from, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : from.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Map<String, JsonNode> body(String path, String method) {
        return body(spec, path, method);
    }

    private static Map<String, JsonNode> body(JsonNode spec, String path, String method) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        spec.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/x-www-form-urlencoded").path("schema").path("properties").fields()
                .forEachRemaining(e -> properties.put(e.getKey(), resolved(spec, e.getValue())));
        return properties;
    }

    private static Map<String, JsonNode> query(String path, String method) {
        return query(spec, path, method);
    }

    private static Map<String, JsonNode> query(JsonNode spec, String path, String method) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : spec.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                com.fasterxml.jackson.databind.node.ObjectNode schema =
                        resolved(spec, parameter.path("schema")).deepCopy();
                schema.put("description", parameter.path("description").asText());
                parameters.put(parameter.path("name").asText(), schema);
            }
        }
        return parameters;
    }

    /** The values a property may take: its enum, or the backquoted words of its "Can be" sentence. */
    private static List<String> allowedValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        if (schema.has("enum")) {
            schema.path("enum").forEach(v -> values.add(v.asText()));
            return values;
        }
        String description = schema.path("description").asText();
        int canBe = description.indexOf("Can be");
        if (canBe < 0) {
            return values;
        }
        int end = description.indexOf(". ", canBe);
        Matcher words = BACKQUOTED.matcher(description.substring(canBe, end < 0 ? description.length() : end));
        while (words.find()) {
            // "Can be: `a` or `b` and defaults to `a`" names the default again.
            if (!values.contains(words.group(1))) {
                values.add(words.group(1));
            }
        }
        return values;
    }

    private static void assertSame(Map<String, Rule> rules, Map<String, JsonNode> properties) {
        assertThat(rules.keySet()).containsExactlyElementsOf(properties.keySet());
        properties.forEach((name, schema) -> {
            Rule rule = rules.get(name);
            String type = schema.path("type").asText();
            switch (type) {
                case "boolean" -> assertThat(rule.kind()).as(name).isEqualTo(Rule.Kind.BOOLEAN);
                case "integer" -> {
                    assertThat(rule.kind()).as(name).isEqualTo(Rule.Kind.INTEGER);
                    if (schema.has("minimum")) {
                        assertThat(rule.min()).as(name + " minimum").isEqualTo(schema.path("minimum").asLong());
                    }
                    if (schema.has("maximum")) {
                        assertThat(rule.max()).as(name + " maximum").isEqualTo(schema.path("maximum").asLong());
                    }
                    Matcher range = Pattern.compile("(?:between|from) `(\\d+)` (?:and|to) `(\\d+)`|Possible Values: (\\d+)-(\\d+)")
                            .matcher(schema.path("description").asText());
                    if (range.find()) {
                        long min = Long.parseLong(range.group(1) != null ? range.group(1) : range.group(3));
                        long max = Long.parseLong(range.group(2) != null ? range.group(2) : range.group(4));
                        assertThat(rule.min()).as(name + " minimum").isEqualTo(min);
                        assertThat(rule.max()).as(name + " maximum").isEqualTo(max);
                    }
                }
                case "array" -> {
                    assertThat(rule.kind()).as(name).isEqualTo(Rule.Kind.LIST);
                    assertThat(rule.values()).as(name).containsExactlyElementsOf(allowedValues(schema));
                }
                default -> {
                    List<String> allowed = allowedValues(schema);
                    if ("date".equals(schema.path("format").asText())) {
                        assertThat(rule.kind()).as(name).isEqualTo(Rule.Kind.DATE);
                    } else if (schema.has("pattern")) {
                        assertThat(rule.kind()).as(name).isEqualTo(Rule.Kind.SID);
                        assertThat(rule.check(name, schema.path("pattern").asText().substring(1, 3) + "0".repeat(32)))
                                .as(name).isNull();
                    } else if (!allowed.isEmpty()) {
                        assertThat(rule.kind()).as(name).isEqualTo(Rule.Kind.CHOICE);
                        assertThat(rule.values()).as(name).containsExactlyElementsOf(allowed);
                    } else {
                        assertThat(rule.kind()).as(name).isIn(Rule.Kind.TEXT, Rule.Kind.LENGTH);
                    }
                }
            }
        });
    }

    @Test
    void createRulesMatchTheSpec() {
        assertThat(ParameterRules.CREATE_PARTICIPANT).hasSize(50);
        assertSame(ParameterRules.CREATE_PARTICIPANT, body(LIST, "post"));
    }

    @Test
    void updateRulesMatchTheSpec() {
        assertThat(ParameterRules.UPDATE_PARTICIPANT).hasSize(12);
        assertSame(ParameterRules.UPDATE_PARTICIPANT, body(ITEM, "post"));
    }

    @Test
    void listRulesMatchTheSpec() {
        assertSame(ParameterRules.LIST_PARTICIPANT, query(LIST, "get"));
    }

    @Test
    void conferenceRulesMatchTheSpec() {
        assertSame(ParameterRules.LIST_CONFERENCE, query(conferences, CONFERENCES, "get"));
        assertThat(ParameterRules.LIST_CONFERENCE).containsKeys("DateCreated<", "DateUpdated>", "Status");
        assertSame(ParameterRules.UPDATE_CONFERENCE, body(conferences, CONFERENCE, "post"));
        assertThat(ParameterRules.UPDATE_CONFERENCE.get("Status").values()).containsExactly("completed");
    }

    @Test
    void recordingRulesMatchTheSpecAndTheOperationsWords() {
        assertSame(ParameterRules.LIST_CONFERENCE_RECORDING, query(conferences, RECORDINGS, "get"));
        Map<String, JsonNode> update = body(conferences, RECORDING, "post");
        Rule status = ParameterRules.UPDATE_CONFERENCE_RECORDING.get("Status");
        // The enum is the recording's every status; the operation's description names the three an update sets.
        String words = conferences.path("paths").path(RECORDING).path("post").path("description").asText();
        assertThat(words).contains("paused, stopped, or in-progress");
        assertThat(status.values()).containsExactlyInAnyOrder("paused", "stopped", "in-progress");
        assertThat(allowedValues(update.get("Status"))).containsAll(status.values());
        update.remove("Status");
        Map<String, Rule> others = new LinkedHashMap<>(ParameterRules.UPDATE_CONFERENCE_RECORDING);
        others.remove("Status");
        assertSame(others, update);
    }
}
