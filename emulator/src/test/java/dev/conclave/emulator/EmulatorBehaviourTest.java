package dev.conclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator over loopback, spoken to with the JDK's own HTTP client. */
@Timeout(30)
class EmulatorBehaviourTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ParticipantEmulator emulator;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.builder()
                .account("AC0123456789abcdef0123456789abcdef", "token-one")
                .apiKey("AC0123456789abcdef0123456789abcdef", "SK0123456789abcdef0123456789abcdef", "key-secret")
                .account("ACfedcba9876543210fedcba9876543210", "token-two")
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String participantsPath(String conference) {
        return "/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/" + conference + "/Participants.json";
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String form, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String form)
            throws IOException, InterruptedException {
        return send(method, pathAndQuery, form, basic(emulator.accountSid(), emulator.authToken()));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String mentions)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("code").asInt()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
        assertThat(body.path("message").asText()).contains(mentions);
        assertThat(response.headers().firstValue("Twilio-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("RQ[0-9a-f]{32}"));
    }

    @Test
    void authenticatesWithTokenOrApiKeyAndOnlyForItsAccount() throws Exception {
        String path = participantsPath("auth-room");
        assertThat(send("POST", path, "From=%2B1&To=%2B2").statusCode()).isEqualTo(201);
        assertThat(send("POST", path, "From=%2B1&To=%2B3",
                basic("SK0123456789abcdef0123456789abcdef", "key-secret")).statusCode()).isEqualTo(201);
        HttpResponse<String> missing = send("POST", path, "From=%2B1&To=%2B2", null);
        assertError(missing, 401, 20003, "Authenticate");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Twilio API\"");
        assertError(send("POST", path, "From=%2B1&To=%2B2", basic(emulator.accountSid(), "wrong")), 401, 20003, "");
        assertError(send("POST", path, "From=%2B1&To=%2B2", basic("ACfedcba9876543210fedcba9876543210", "token-two")),
                401, 20003, "");
        assertThat(emulator.journal()).extracting(RecordedRequest::responseStatus).containsExactly(201, 201, 401, 401, 401);
    }

    @Test
    void createAnswersTheFifteenFieldsInSpecOrder() throws Exception {
        HttpResponse<String> response = send("POST", participantsPath("My%20Room"),
                "From=%2B15005550006&To=%2B15558675310&Label=agent+7&Muted=true&CallSidToCoach="
                        + "CA0123456789abcdef0123456789abcdef");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode p = json(response);
        assertThat(p.fieldNames()).toIterable().containsExactly("account_sid", "call_sid", "label", "call_sid_to_coach",
                "coaching", "conference_sid", "date_created", "date_updated", "end_conference_on_exit", "muted", "hold",
                "start_conference_on_enter", "status", "queue_time", "uri");
        assertThat(p.path("label").asText()).isEqualTo("agent 7");
        assertThat(p.path("muted").asBoolean()).isTrue();
        assertThat(p.path("coaching").asBoolean()).as("coaching follows CallSidToCoach").isTrue();
        assertThat(p.path("status").asText()).isEqualTo("queued");
        assertThat(p.path("queue_time").asText()).isEqualTo("1000");
        assertThat(p.path("call_sid").asText()).matches("CA[0-9a-f]{32}");
        assertThat(p.path("date_created").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(emulator.conferenceSid("My Room")).contains(p.path("conference_sid").asText());
        assertThat(p.path("uri").asText()).isEqualTo("/2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/"
                + p.path("conference_sid").asText() + "/Participants/" + p.path("call_sid").asText() + ".json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Unknown=1                                           | Unknown parameter 'Unknown'",
        "muted=true                                          | Unknown parameter 'muted'",
        "Timeout=4                                           | Timeout must be from 5 to 600",
        "Timeout=soon                                        | Timeout must be an integer",
        "MaxParticipants=251                                 | MaxParticipants must be from 2 to 250",
        "MachineDetectionSpeechThreshold=999                 | MachineDetectionSpeechThreshold must be from 1000",
        "MachineDetectionSpeechEndThreshold=5001             | MachineDetectionSpeechEndThreshold must be from 500",
        "MachineDetectionSilenceTimeout=1999                 | MachineDetectionSilenceTimeout must be from 2000",
        "Muted=yes                                           | Muted must be one of true, false",
        "Beep=loud                                           | Beep must be one of true, false, onEnter, onExit",
        "StatusCallbackMethod=PUT                            | StatusCallbackMethod must be one of GET, POST",
        "StatusCallbackEvent=ringing&StatusCallbackEvent=hungup | StatusCallbackEvent must be one of initiated",
        "Region=mars1                                        | Region must be one of us1",
        "CallSidToCoach=CA123                                | CallSidToCoach must be CA followed by 32 hex digits",
        "Byoc=BYnothex                                       | Byoc must be BY followed by 32 hex digits",
        "CallerDisplayName=x                                 | CallerDisplayName must be 2 to 255 characters",
        "Label=a&Label=b                                     | Label may be given only once",
        "Coaching=true                                       | CallSidToCoach is required",
    })
    void strictCreateRefusesWhatTheSpecDoesNotAllow(String extra, String message) throws Exception {
        assertError(send("POST", participantsPath("strict"), "From=%2B1&To=%2B2&" + extra), 400, 20001, message);
    }

    @Test
    void missingToOrFromHaveTwilioCodes() throws Exception {
        assertError(send("POST", participantsPath("codes"), "From=%2B1"), 400, 21201, "No 'To' number");
        assertError(send("POST", participantsPath("codes"), "To=%2B1"), 400, 21213, "No 'From' number");
    }

    @Test
    void eventListsTakeRepeatedKeysOrSpaces() throws Exception {
        assertThat(send("POST", participantsPath("events"),
                "From=%2B1&To=%2B2&StatusCallbackEvent=ringing&StatusCallbackEvent=answered"
                        + "&ConferenceStatusCallbackEvent=start+end+join").statusCode()).isEqualTo(201);
    }

    @Test
    void labelsAreUniquePerConference() throws Exception {
        assertThat(send("POST", participantsPath("labels"), "From=%2B1&To=%2B2&Label=desk").statusCode()).isEqualTo(201);
        assertError(send("POST", participantsPath("labels"), "From=%2B1&To=%2B3&Label=desk"), 400, 20001, "Label 'desk'");
        assertThat(send("POST", participantsPath("other-labels"), "From=%2B1&To=%2B2&Label=desk").statusCode())
                .isEqualTo(201);
    }

    @Test
    void lenientModeIgnoresUnknownNames() throws Exception {
        try (ParticipantEmulator lenient = ParticipantEmulator.builder().strict(false).start()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(lenient.baseUri()
                            + "/2010-04-01/Accounts/" + lenient.accountSid() + "/Conferences/x/Participants.json"))
                    .header("Authorization", basic(lenient.accountSid(), lenient.authToken()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("From=%2B1&To=%2B2&Futuristic=yes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
    }

    @Test
    void routesMethodsAndUnknownResources() throws Exception {
        String conference = emulator.createConference("routes");
        assertError(send("GET", "/2010-04-01/Accounts/" + emulator.accountSid() + "/Calls.json", null), 404, 20404,
                "was not found");
        assertError(send("PUT", participantsPath(conference), "x=1"), 405, 20004, "PUT");
        assertError(send("POST", participantsPath("CF0000000000000000000000000000dead"), "From=%2B1&To=%2B2"),
                404, 20404, "CF0000000000000000000000000000dead");
        assertError(send("GET", participantsPath("CF0000000000000000000000000000dead"), null), 404, 20404, "");
        assertError(send("GET", participantsPath(conference).replace(".json", "/nobody.json"), null), 404, 20404,
                "nobody");
        assertError(send("GET", participantsPath(conference) + "?PageToken=made-up", null), 400, 20001, "PageToken");
        assertError(send("GET", participantsPath(conference) + "?PageSize=0", null), 400, 20001, "PageSize");
        assertError(send("GET", participantsPath(conference) + "?Page=1&Pagesize=5", null), 400, 20001, "Pagesize");
    }

    @Test
    void pagesLinkBothWays() throws Exception {
        String conference = emulator.createConference("pages");
        emulator.seedParticipants(conference, 7);
        JsonNode first = json(send("GET", participantsPath(conference) + "?Muted=false&PageSize=2", null));
        assertThat(first.path("uri").asText()).isEqualTo(participantsPath(conference) + "?Muted=false&PageSize=2&Page=0");
        assertThat(first.path("previous_page_uri").isNull()).isTrue();
        assertThat(first.path("participants")).hasSize(2);
        JsonNode second = json(send("GET", first.path("next_page_uri").asText(), null));
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("start").asInt()).isEqualTo(2);
        assertThat(second.path("end").asInt()).isEqualTo(3);
        assertThat(second.path("next_page_uri").isNull()).as("4 unmuted of 7: two pages").isTrue();
        JsonNode back = json(send("GET", second.path("previous_page_uri").asText(), null));
        assertThat(back.path("participants")).isEqualTo(first.path("participants"));
        assertThat(back.path("page").asInt()).isZero();
    }

    @Test
    void updateDeleteAndTheFailingNumber() throws Exception {
        JsonNode created = json(send("POST", participantsPath("flow"), "From=%2B1&To=%2B15005550001&Label=x%2Fy"));
        String item = participantsPath(created.path("conference_sid").asText()).replace(".json", "/x%2Fy.json");
        JsonNode updated = json(send("POST", item, "Hold=true&HoldMethod=GET"));
        assertThat(updated.path("hold").asBoolean()).isTrue();
        assertThat(updated.path("status").asText()).isEqualTo("failed");
        assertError(send("POST", item, "Hold=maybe"), 400, 20001, "Hold");
        HttpResponse<String> deleted = send("DELETE", item, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(send("DELETE", item, null), 404, 20404, "");
    }

    @Test
    void countsConnections() throws Exception {
        long before = emulator.acceptedConnections();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
            socket.getOutputStream().write(("GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(head).startsWith("HTTP/1.1 404");
        }
        assertThat(emulator.acceptedConnections()).isEqualTo(before + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emulator.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.openConnections()).isZero();
    }

    @Test
    void theJournalHoldsTheLastRequestsUpToItsLimitAndCountsTheOthers() throws Exception {
        try (ParticipantEmulator limited = ParticipantEmulator.builder().journalLimit(3).start();
             ParticipantEmulator silent = ParticipantEmulator.builder().journalLimit(0).start()) {
            for (int i = 0; i < 5; i++) {
                for (ParticipantEmulator target : List.of(limited, silent)) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(target.baseUri() + "/nothing-" + i)).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(404);
                }
            }
            assertThat(limited.journal()).extracting(RecordedRequest::rawPath)
                    .containsExactly("/nothing-2", "/nothing-3", "/nothing-4");
            assertThat(limited.forgottenRequests()).isEqualTo(2);
            assertThat(silent.journal()).isEmpty();
            assertThat(silent.forgottenRequests()).isEqualTo(5);
            limited.clearJournal();
            assertThat(limited.journal()).isEmpty();
            assertThat(limited.forgottenRequests()).isZero();
        }
        send("GET", "/nothing", null);
        assertThat(emulator.journal()).hasSize(1);
        assertThat(emulator.forgottenRequests()).isZero();
        assertThatThrownBy(() -> ParticipantEmulator.builder().journalLimit(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journalLimit");
    }
}
