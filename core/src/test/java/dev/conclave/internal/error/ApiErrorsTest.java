package dev.conclave.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ApiException;
import dev.conclave.AuthenticationException;
import dev.conclave.InvalidRequestException;
import dev.conclave.NotFoundException;
import dev.conclave.RateLimitedException;
import dev.conclave.ServerErrorException;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
    private static ApiException error(int status, String contentType, String body) {
        return ApiErrors.toException(HttpResponse.of(status,
                HttpHeaders.of("Content-Type", contentType, "Twilio-Request-Id", "RQabc"),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTwilioErrorJson() {
        ApiException e = error(404, "application/json", "{\"code\": 20404, \"message\": \"The requested resource was "
                + "not found\", \"more_info\": \"https://www.twilio.com/docs/errors/20404\", \"status\": 404,"
                + " \"details\": {\"a\": [1, \"b\"]}}");
        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.twilioCode()).isEqualTo(20404);
        assertThat(e.twilioMessage()).isEqualTo("The requested resource was not found");
        assertThat(e.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20404");
        assertThat(e.details()).isEqualTo("{\"a\":[1,\"b\"]}");
        assertThat(e.requestId()).isEqualTo("RQabc");
        assertThat(e.getMessage()).contains("HTTP 404").contains("20404").contains("RQabc");
    }

    @Test
    void readsProblemJson() {
        ApiException e = error(429, "application/problem+json", "{\"type\":\"https://www.twilio.com/docs/errors/20429\","
                + "\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Slow down\",\"code\":20429}");
        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(e.twilioCode()).isEqualTo(20429);
        assertThat(e.twilioMessage()).isEqualTo("Slow down");
        assertThat(e.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20429");
    }

    @Test
    void emptyHtmlAndCutBodiesKeepStatusAndRequestId() {
        ApiException empty = error(500, "text/plain", "");
        assertThat(empty).isInstanceOf(ServerErrorException.class);
        assertThat(empty.twilioCode()).isNull();
        assertThat(empty.requestId()).isEqualTo("RQabc");
        assertThat(empty.getMessage()).contains("HTTP 500").contains("empty");

        ApiException html = error(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assertThat(html).isInstanceOf(ServerErrorException.class);
        assertThat(html.httpStatus()).isEqualTo(502);
        assertThat(html.twilioCode()).isNull();
        assertThat(html.getMessage()).contains("non-JSON").contains("text/html");

        ApiException cut = error(400, "application/json", "{\"code\": 21201, \"message\": \"No 'To' number is spec");
        assertThat(cut).isInstanceOf(InvalidRequestException.class);
        assertThat(cut.twilioCode()).isEqualTo(21201);

        assertThat(error(401, "application/json", "{\"code\":20003,\"message\":\"Authenticate\"}"))
                .isInstanceOf(AuthenticationException.class);
        assertThat(error(302, "text/html", "")).isExactlyInstanceOf(ApiException.class);
    }
}
