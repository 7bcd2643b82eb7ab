package dev.conclave.internal.error;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.conclave.ApiException;
import dev.conclave.AuthenticationException;
import dev.conclave.InvalidRequestException;
import dev.conclave.NotFoundException;
import dev.conclave.RateLimitedException;
import dev.conclave.ServerErrorException;
import dev.conclave.http.HttpResponse;
import dev.conclave.internal.json.JsonReading;
import dev.conclave.internal.retry.RetryAfter;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Turns an HTTP error response into the matching {@link ApiException}. Reads Twilio's error JSON
 * ({@code code}, {@code message}, {@code more_info}, {@code details}) and RFC 9457 problem JSON
 * ({@code title}, {@code detail}, {@code type}); an empty, HTML or cut-short body still gives the status and
 * request id, with a note of what the body was instead of its text.
 */
public final class ApiErrors {
    private static final int MAX_DETAILS_CHARS = 2_000;

    private ApiErrors() {
    }

    /** The exception for a response whose status is not 2xx. */
    public static ApiException toException(HttpResponse response) {
        int status = response.status();
        String requestId = JsonReading.requestId(response);
        Fields fields = new Fields();
        if (response.bodyLength() == 0) {
            fields.message = "empty response body";
        } else if (!readJson(response, fields)) {
            String type = response.headers().first("Content-Type").orElse("no content type");
            fields.code = null;
            fields.message = "non-JSON response body of " + response.bodyLength() + " bytes (" + type + ")";
        }
        String message = fields.message != null ? fields.message : fields.title;
        java.time.Duration retryAfter = RetryAfter.parse(response.headers().first("Retry-After").orElse(null),
                java.time.Instant.now());
        return create(status, fields.code, message, fields.moreInfo, fields.details, requestId, retryAfter);
    }

    private static ApiException create(int status, Integer code, String message, String moreInfo, String details,
                                       String requestId, java.time.Duration retryAfter) {
        if (status == 401 || status == 403) {
            return new AuthenticationException(status, code, message, moreInfo, details, requestId);
        }
        if (status == 404) {
            return new NotFoundException(status, code, message, moreInfo, details, requestId);
        }
        if (status == 429) {
            return new RateLimitedException(status, code, message, moreInfo, details, requestId, retryAfter);
        }
        if (status >= 400 && status < 500) {
            return new InvalidRequestException(status, code, message, moreInfo, details, requestId);
        }
        if (status >= 500) {
            return new ServerErrorException(status, code, message, moreInfo, details, requestId, retryAfter);
        }
        return new ApiException(status, code, message, moreInfo, details, requestId);
    }

    private static final class Fields {
        Integer code;
        String message;
        String title;
        String moreInfo;
        String details;
    }

    /** Fills what it can; returns false when the body is not a readable JSON object. */
    private static boolean readJson(HttpResponse response, Fields fields) {
        try (JsonParser parser = response.readBody(JsonReading.factory()::createParser)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "code" -> fields.code = JsonReading.integer(parser, value);
                    case "message", "detail" -> fields.message = JsonReading.text(parser, value);
                    case "title" -> fields.title = JsonReading.text(parser, value);
                    case "more_info", "type" -> fields.moreInfo = JsonReading.text(parser, value);
                    case "details" -> fields.details = compact(parser, value);
                    default -> parser.skipChildren();
                }
            }
            return true;
        } catch (IOException cutShortOrMalformed) {
            // What was read before the damage is still worth reporting, but only if it names an error.
            return fields.code != null || fields.message != null;
        }
    }

    private static String compact(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JsonReading.factory().createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        String json = text.toString();
        return json.length() > MAX_DETAILS_CHARS ? json.substring(0, MAX_DETAILS_CHARS) + "..." : json;
    }
}
