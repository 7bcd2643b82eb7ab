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
import org.junit.jupiter.api.Assumptions;

/**
 * The team's OpenAPI subset ({@code shared/spec}), read for tests. Its path comes from the {@code conclave.spec}
 * system property that the build sets. Missing: the test is skipped on a developer machine and fails in CI.
 */
final class Spec {
    static final String LIST_PATH = "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json";
    static final String ITEM_PATH =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json";

    private static JsonNode root;

    private Spec() {
    }

    static synchronized JsonNode root() {
        if (root == null) {
            String location = System.getProperty("conclave.spec", "../../shared/spec/twilio_api_v2010_participants.json");
            Path path = Path.of(location);
            if (!Files.isRegularFile(path)) {
                if ("true".equals(System.getenv("CI"))) {
                    fail("The OpenAPI spec is missing at " + path.toAbsolutePath() + "; CI needs shared/ beside the clone");
                }
                Assumptions.abort("OpenAPI spec not found at " + path.toAbsolutePath());
            }
            try {
                root = new ObjectMapper().readTree(path.toFile());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return root;
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
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        root().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            op.getValue().path("responses").fields().forEachRemaining(status -> {
                JsonNode content = status.getValue().path("content").path("application/json").path("examples");
                content.fields().forEachRemaining(example -> examples.put(
                        op.getKey() + " " + status.getKey() + " " + example.getKey(), example.getValue().path("value")));
            });
        }));
        return examples;
    }
}
