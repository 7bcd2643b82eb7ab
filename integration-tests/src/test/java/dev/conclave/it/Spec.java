package dev.conclave.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendored OpenAPI extract ({@code spec/} in the repository), read for tests. Its folder comes from the
 * {@code conclave.spec.dir} system property that the build sets; a missing file fails the test.
 */
final class Spec {
    static final String LIST_PATH = "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json";
    static final String ITEM_PATH =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json";

    private static JsonNode root;
    private static JsonNode conferences;

    private Spec() {
    }

    /** The participants extract. */
    static synchronized JsonNode root() {
        if (root == null) {
            root = read("twilio_api_v2010_participants.json");
        }
        return root;
    }

    /** The conferences extract (conferences and their recordings). */
    static synchronized JsonNode conferences() {
        if (conferences == null) {
            conferences = read("twilio_api_v2010_conferences.json");
        }
        return conferences;
    }

    /** Where one file of the vendored extract lies; a missing file fails the test. */
    static Path path(String file) {
        Path path = Path.of(System.getProperty("conclave.spec.dir", "../spec"), file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            fail("The vendored OpenAPI spec is missing at " + path);
        }
        return path;
    }

    private static JsonNode read(String file) {
        Path path = path(file);
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static JsonNode operation(String path, String method) {
        return root().path("paths").path(path).path(method);
    }

    /** The form body properties of an operation, in spec order, with their schemas. */
    static Map<String, JsonNode> bodyProperties(String path, String method) {
        JsonNode properties = operation(path, method).path("requestBody").path("content")
                .path("application/x-www-form-urlencoded").path("schema").path("properties");
        Map<String, JsonNode> result = new LinkedHashMap<>();
        properties.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /** The query parameter names of an operation, in spec order. */
    static List<String> queryParameters(String path, String method) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation(path, method).path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    /** Every response example of every operation: name to JSON value. */
    static Map<String, JsonNode> responseExamples() {
        return responseExamples(root());
    }

    /** Every response example of an extract: name to JSON value. */
    static Map<String, JsonNode> responseExamples(JsonNode extract) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        extract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            op.getValue().path("responses").fields().forEachRemaining(status -> {
                JsonNode content = status.getValue().path("content").path("application/json").path("examples");
                content.fields().forEachRemaining(example -> examples.put(
                        op.getKey() + " " + status.getKey() + " " + example.getKey(), example.getValue().path("value")));
            });
        }));
        return examples;
    }
}
