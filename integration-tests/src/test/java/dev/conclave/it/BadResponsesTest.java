package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.DecodingException;
import dev.conclave.ConclaveClient;
import dev.conclave.RetryPolicy;
import dev.conclave.http.TransportException;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.Route;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * A corpus of bad 200 responses, served by the emulator instead of the real ones: every one gives a typed
 * decoding error or a tolerant decode, never an NPE, another untyped exception, a hang or an OutOfMemoryError.
 */
@Timeout(120)
class BadResponsesTest extends Fixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode[] WRONG_VALUES = {
        JsonNodeFactory.instance.numberNode(12345), JsonNodeFactory.instance.textNode("not-what-you-expect"),
        JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode(),
        JsonNodeFactory.instance.objectNode().put("nested", 1), JsonNodeFactory.instance.arrayNode().add(1).add("x"),
        JsonNodeFactory.instance.numberNode(1e308), JsonNodeFactory.instance.textNode("")};

    private static ConclaveClient once;
    private static String conference;
    private static byte[] participantJson;
    private static byte[] pageJson;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @BeforeParameterizedClassInvocation
    static void realResponses() throws Exception {
        once = clientFor(emulator).retryPolicy(RetryPolicy.none()).maxResponseBytes(1024 * 1024).build();
        Participant real = client.participants().create(dev.conclave.model.CreateParticipantRequest.builder("bad-responses",
                "+15005550006", "+15558675310").label("real").statusCallback(URI.create("https://example.com/cb"))
                .build());
        conference = real.conferenceSid();
        ConferencesTest.joined(real);
        emulator.seedParticipants(conference, 2);
        participantJson = rawGet("/Participants/real.json");
        pageJson = rawGet("/Participants.json?PageSize=3");
    }

    @AfterParameterizedClassInvocation
    static void closeClient() {
        once.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    private static byte[] rawGet(String tail) throws Exception {
        String auth = Base64.getEncoder().encodeToString((emulator.accountSid() + ':' + emulator.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUri()
                + "/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/" + conference + tail))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Serves {@code body} once as a 200 to a fetch (or a list) and records what the client made of it. */
    private void serve(String what, byte[] body, boolean asPage) {
        emulator.faults().script(asPage ? Route.LIST : Route.FETCH, 1, Fault.reply(200,
                "application/json; charset=utf-8", body));
        try {
            if (asPage) {
                once.participants().list(ListParticipantsRequest.builder(conference).pageSize(3).build()).limit(3).toList();
            } else {
                once.participants().fetch(conference, "real");
            }
            outcomes.merge("decoded", 1, Integer::sum);
        } catch (DecodingException typed) {
            assertThat(typed.getMessage()).as(what + ": a short message, not the body").hasSizeLessThan(600);
            outcomes.merge("DecodingException", 1, Integer::sum);
        } catch (RuntimeException untyped) {
            throw new AssertionError(what + " gave an untyped " + untyped, untyped);
        }
        assertThat(emulator.faults().scriptedRemaining()).as(what + " was served").isZero();
    }

    @Test
    void aNextPageOffTheListingsOwnPathIsNeverRequested() throws Exception {
        String own = "/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/" + conference
                + "/Participants.json";
        List<String> elsewhere = List.of(own + "/../../../../../x?Page=1", own + "/./?Page=1",
                own.replace(conference, "CF" + "0".repeat(32)).replace("Participants", "Recordings") + "?Page=1",
                "/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences.json?Page=1",
                emulator.baseUri() + own.replace("Participants.json", "Recordings.json") + "?Page=1");
        for (String next : elsewhere) {
            ObjectNode page = (ObjectNode) JSON.readTree(pageJson);
            page.put("next_page_uri", next);
            byte[] body = JSON.writeValueAsBytes(page);
            // By SID, and by name, whose first page is read from the path of the SID the name resolves to.
            for (String given : List.of(conference, "bad-responses")) {
                for (boolean async : new boolean[] {false, true}) {
                    assertNotFollowed(next, body, ListParticipantsRequest.builder(given).pageSize(3).build(), async,
                            given.equals(conference) ? 1 : 2);
                }
            }
        }
    }

    private static void assertNotFollowed(String next, byte[] firstPage, ListParticipantsRequest request,
                                          boolean async, int requests) throws Exception {
        emulator.faults().script(Route.LIST, 1, Fault.reply(200, "application/json; charset=utf-8", firstPage));
        emulator.clearJournal();
        Throwable failure;
        try {
            if (async) {
                once.participants().async().list(request).toList().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } else {
                once.participants().list(request).toList();
            }
            throw new AssertionError(next + " was followed");
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        } catch (DecodingException e) {
            failure = e;
        }
        assertThat(failure).as(next).isInstanceOf(DecodingException.class)
                .hasMessageContaining("leaves the listing's path");
        assertThat(emulator.journal()).as(next + ": only the first page was asked for").hasSize(requests);
    }

    @Test
    void jsonCutAtEvery50thByte() {
        for (byte[] whole : List.of(participantJson, pageJson)) {
            boolean page = whole == pageJson;
            for (int cut = 0; cut < whole.length; cut += 50) {
                byte[] part = java.util.Arrays.copyOf(whole, cut);
                serve((page ? "page" : "participant") + " cut at " + cut, part, page);
            }
        }
        System.out.printf("[%s] cut JSON: %s%n", transport, outcomes);
        assertThat(outcomes).as("a JSON body cut short never decodes as a success").containsOnlyKeys(
                "DecodingException");
    }

    @Test
    void everyFieldWithEveryWrongType() throws Exception {
        ObjectNode participant = (ObjectNode) JSON.readTree(participantJson);
        for (Iterator<String> names = participant.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            for (JsonNode wrong : WRONG_VALUES) {
                ObjectNode variant = participant.deepCopy();
                variant.set(field, wrong);
                serve(field + "=" + wrong, JSON.writeValueAsBytes(variant), false);
            }
        }
        ObjectNode page = (ObjectNode) JSON.readTree(pageJson);
        for (Iterator<String> names = page.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            for (JsonNode wrong : WRONG_VALUES) {
                ObjectNode variant = page.deepCopy();
                variant.set(field, wrong);
                serve("page " + field + "=" + wrong, JSON.writeValueAsBytes(variant), true);
            }
        }
        System.out.printf("[%s] wrong types: %s%n", transport, outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).as("variants served")
                .isGreaterThan(150);
    }

    @Test
    void nullsEverywhereUnknownFieldsAndUnknownValues() throws Exception {
        ObjectNode participant = (ObjectNode) JSON.readTree(participantJson);
        ObjectNode allNull = participant.deepCopy();
        List<String> names = new ArrayList<>();
        participant.fieldNames().forEachRemaining(names::add);
        names.forEach(name -> allNull.putNull(name));
        serve("all null", JSON.writeValueAsBytes(allNull), false);

        ObjectNode future = participant.deepCopy();
        future.put("status", "teleported").put("brand_new_field", "x");
        future.putObject("another_new_object").putArray("deep").addObject().put("x", 1);
        future.set("subresource_uris", JsonNodeFactory.instance.objectNode().put("recordings", "/x"));
        serve("unknown fields and values", JSON.writeValueAsBytes(future), false);
        Participant decoded = once.participants().withOptions(dev.conclave.CallOptions.none()).fetch(conference, "real");
        assertThat(decoded.label()).isEqualTo("real");

        ObjectNode page = (ObjectNode) JSON.readTree(pageJson);
        ArrayNode participants = (ArrayNode) page.get("participants");
        participants.add(JsonNodeFactory.instance.nullNode());
        participants.add(JsonNodeFactory.instance.objectNode());
        serve("page with a null and an empty participant", JSON.writeValueAsBytes(page), true);
        ObjectNode nullPage = page.deepCopy();
        List<String> pageFields = new ArrayList<>();
        page.fieldNames().forEachRemaining(pageFields::add);
        pageFields.forEach(nullPage::putNull);
        serve("page all null", JSON.writeValueAsBytes(nullPage), true);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
    }

    @Test
    void invalidUtf8AndHtmlWith200() {
        String text = new String(participantJson, StandardCharsets.UTF_8);
        int label = text.indexOf("\"real\"") + 1;
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F})) {
            ByteArrayOutputStream spoiled = new ByteArrayOutputStream();
            spoiled.write(participantJson, 0, label);
            spoiled.writeBytes(bad);
            spoiled.write(participantJson, label + 4, participantJson.length - label - 4);
            serve("invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad), spoiled.toByteArray(), false);
        }
        emulator.faults().script(Route.FETCH, 1, Fault.htmlPage(200));
        try {
            once.participants().fetch(conference, "real");
            throw new AssertionError("an HTML page decoded as a participant");
        } catch (DecodingException expected) {
            assertThat(expected.getMessage()).contains("malformed JSON", "HTTP 200").hasSizeLessThan(600);
        }
    }

    @Test
    void aTenMegabyteBodyOverAOneMegabyteLimitIsRefusedWhileReading() {
        byte[] huge = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        for (int i = 0; i < 3; i++) {
            emulator.faults().script(Route.FETCH, 1, Fault.reply(200, "application/json", huge));
            try {
                once.participants().fetch(conference, "real");
                throw new AssertionError("a 10 MB body was read under a 1 MB limit");
            } catch (TransportException expected) {
                assertThat(expected.reason()).isEqualTo(TransportException.Reason.RESPONSE_TOO_LARGE);
                assertThat(expected.getMessage()).contains("1048576");
            }
        }
        assertThat(once.participants().fetch(conference, "real").label()).as("the client still works").isEqualTo("real");
    }
}
