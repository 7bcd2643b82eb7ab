package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.conclave.ApiException;
import dev.conclave.AuthenticationException;
import dev.conclave.InvalidRequestException;
import dev.conclave.NotFoundException;
import dev.conclave.ConclaveClient;
import dev.conclave.ServerErrorException;
import dev.conclave.http.HttpRequest;
import dev.conclave.model.CreateParticipantRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each error is the typed exception with HTTP status, Twilio code (where the body has one) and request id. */
@Timeout(30)
class ErrorsTest extends Fixture {
    private static final String CONFERENCE = "CF0123456789abcdef0123456789abcdef";
    private static HttpServer broken;
    /** RFC 9457 bodies the broken server answers with 400, by the call SID asked for. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "problem", """
                    {"type": "https://www.twilio.com/docs/errors/21201", "title": "Invalid request",
                     "status": 400, "detail": "To and From are required", "code": 21201,
                     "instance": "/x", "trace": {"id": 7},
                     "errors": [{"field": "To", "message": "is required", "hint": "E.164"},
                                {"pointer": "#/From", "detail": "is not a phone number"}, "junk", 42]}""",
            "problemNotArray", """
                    {"title": "Invalid request", "detail": "bad", "errors": {"field": "To"}}""",
            "classic", """
                    {"code": 21201, "message": "No 'To' number is specified", "more_info":
                     "https://www.twilio.com/docs/errors/21201", "status": 400, "details": {"field": "To"},
                     "extra": [1, 2]}""");

    @BeforeAll
    static void startBrokenServer() throws IOException {
        broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broken.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Twilio-Request-Id", "RQbroken" + exchange.getRequestMethod());
            String path = exchange.getRequestURI().getPath();
            String problem = PROBLEMS.get(path.substring(path.lastIndexOf('/') + 1).replace(".json", ""));
            if (path.contains("/Participants/empty500")) {
                exchange.sendResponseHeaders(500, -1);
            } else if (problem != null) {
                byte[] body = problem.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(400, body.length);
                exchange.getResponseBody().write(body);
            } else {
                byte[] html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                exchange.sendResponseHeaders(502, html.length);
                exchange.getResponseBody().write(html);
            }
            exchange.close();
        });
        broken.start();
    }

    @AfterAll
    static void stopBrokenServer() {
        broken.stop(0);
    }

    private static <T extends ApiException> T thrown(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            assertThat(e).isInstanceOf(type);
            assertThat(e.requestId()).as("request id").isNotBlank();
            return type.cast(e);
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }

    @Test
    void wrongTokenIs401WithCode20003() {
        try (ConclaveClient wrong = ConclaveClient.builder()
                .credentials(emulator.accountSid(), "not-the-token").baseUri(emulator.baseUri()).build()) {
            AuthenticationException e = thrown(AuthenticationException.class, () -> wrong.participants().list(CONFERENCE).toList());
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.twilioCode()).isEqualTo(20003);
            assertThat(e.getMessage()).doesNotContain("not-the-token");
        }
    }

    @Test
    void unknownParticipantIs404WithCode20404() {
        String conference = emulator.createConference("errors-404");
        NotFoundException e = thrown(NotFoundException.class, () -> client.participants().fetch(conference, "nobody"));
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.twilioCode()).isEqualTo(20404);
        assertThat(e.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20404");
        assertThat(e.twilioMessage()).isNotBlank();
    }

    @Test
    void missingToIs400WithCode21201() {
        // The builder never lets To be missing, so a chain step removes it on the way out.
        try (ConclaveClient stripping = clientFor(emulator).addInterceptor(chain -> {
            HttpRequest request = chain.request();
            String body = new String(request.bodyBytes(), StandardCharsets.US_ASCII).replaceAll("&?To=[^&]*", "");
            return chain.proceed(HttpRequest.of(request.method(), request.uri(), request.headers(),
                    body.getBytes(StandardCharsets.US_ASCII)));
        }).build()) {
            List<String> offSpec = conformance.offSpec(() -> {
                InvalidRequestException e = thrown(InvalidRequestException.class, () -> stripping.participants()
                        .create(CreateParticipantRequest.builder("errors-400", "+15005550006", "+15558675310")
                                .build()));
                assertThat(e.httpStatus()).isEqualTo(400);
                assertThat(e.twilioCode()).isEqualTo(21201);
            });
            assertThat(offSpec).singleElement().asString().contains("required").contains("To");
        }
        assertThat(emulator.journal().get(emulator.journal().size() - 1).formParameters())
                .extracting(java.util.Map.Entry::getKey).containsExactly("From");
    }

    @Test
    void emptyServerErrorKeepsStatusAndRequestId() {
        try (ConclaveClient toBroken = brokenClient()) {
            ServerErrorException e = thrown(ServerErrorException.class, () -> toBroken.participants().fetch(CONFERENCE, "empty500"));
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.twilioCode()).isNull();
            assertThat(e.requestId()).isEqualTo("RQbrokenGET");
        }
    }

    @Test
    void htmlBadGatewayKeepsStatusAndRequestId() {
        try (ConclaveClient toBroken = brokenClient()) {
            ServerErrorException e = thrown(ServerErrorException.class, () -> toBroken.participants().delete(CONFERENCE, "html502"));
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.twilioCode()).isNull();
            assertThat(e.requestId()).isEqualTo("RQbrokenDELETE");
            assertThat(e.getMessage()).contains("text/html").doesNotContain("nginx");
        }
    }

    @Test
    void anRfc9457BodyKeepsItsTitleDetailTypeAndFieldErrors() {
        try (ConclaveClient toBroken = brokenClient()) {
            InvalidRequestException e = thrown(InvalidRequestException.class,
                    () -> toBroken.participants().fetch(CONFERENCE, "problem"));
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.title()).isEqualTo("Invalid request");
            assertThat(e.detail()).isEqualTo("To and From are required");
            assertThat(e.problemType()).isEqualTo("https://www.twilio.com/docs/errors/21201");
            assertThat(e.twilioCode()).isEqualTo(21201);
            assertThat(e.twilioMessage()).isEqualTo("To and From are required");
            assertThat(e.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21201");
            assertThat(e.fieldErrors()).containsExactly(new ApiException.FieldError("To", "is required"),
                    new ApiException.FieldError("From", "is not a phone number"));
            assertThat(e.getMessage()).contains("To: is required").contains("From: is not a phone number");
        }
    }

    @Test
    void anRfc9457ErrorsThatIsNotAnArrayIsLeftOut() {
        try (ConclaveClient toBroken = brokenClient()) {
            InvalidRequestException e = thrown(InvalidRequestException.class,
                    () -> toBroken.participants().fetch(CONFERENCE, "problemNotArray"));
            assertThat(e.title()).isEqualTo("Invalid request");
            assertThat(e.detail()).isEqualTo("bad");
            assertThat(e.fieldErrors()).isEmpty();
            assertThat(e.twilioCode()).isNull();
        }
    }

    @Test
    void aClassicBodyWithUnknownFieldsMapsToTheTwilioAccessors() {
        try (ConclaveClient toBroken = brokenClient()) {
            InvalidRequestException e = thrown(InvalidRequestException.class,
                    () -> toBroken.participants().fetch(CONFERENCE, "classic"));
            assertThat(e.twilioCode()).isEqualTo(21201);
            assertThat(e.twilioMessage()).isEqualTo("No 'To' number is specified");
            assertThat(e.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21201");
            assertThat(e.details()).isEqualTo("{\"field\":\"To\"}");
            assertThat(e.title()).isNull();
            assertThat(e.detail()).isNull();
            assertThat(e.problemType()).isNull();
            assertThat(e.fieldErrors()).isEmpty();
        }
    }

    @Test
    void badBuilderInputNamesTheField() {
        assertThatThrownBy(() -> client.participants().fetch("", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conference is required");
        assertThatThrownBy(() -> client.participants().fetch(CONFERENCE, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callSidOrLabel");
        assertThatThrownBy(() -> client.participants().forAccount("AC123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountSid");
        assertThatThrownBy(() -> ConclaveClient.builder().baseUri(URI.create("http://192.0.2.10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> ConclaveClient.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
    }

    private static ConclaveClient brokenClient() {
        return ConclaveClient.builder().credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(URI.create("http://127.0.0.1:" + broken.getAddress().getPort())).transport(transport).build();
    }
}
