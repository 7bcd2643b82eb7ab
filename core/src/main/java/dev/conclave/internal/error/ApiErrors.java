package dev.conclave.internal.error;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.conclave.ApiException;
import dev.conclave.ApiException.FieldError;
import dev.conclave.ApiException.Problem;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an HTTP error response into the matching {@link ApiException}. Reads Twilio's error JSON
 * ({@code code}, {@code message}, {@code more_info}, {@code details}) and RFC 9457 problem JSON
 * ({@code title}, {@code detail}, {@code type}, {@code errors}), as {@link ApiException} says; an empty, HTML or
 * cut-short body still gives the status and request id, with a note of what the body was instead of its text.
 */
public final class ApiErrors {
    private static final int MAX_DETAILS_CHARS = 2_000;
    private static final int MAX_FIELD_ERRORS = 100;

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
        String message = fields.message != null ? fields.message : fields.detail != null ? fields.detail
                : fields.title;
        String moreInfo = fields.moreInfo != null ? fields.moreInfo : fields.type;
        Problem problem = fields.title == null && fields.detail == null && fields.type == null
                && fields.errors.isEmpty() ? Problem.NONE
                : new Problem(fields.type, fields.title, fields.detail, fields.errors);
        java.time.Duration retryAfter = RetryAfter.parse(response.headers().first("Retry-After").orElse(null),
                java.time.Instant.now());
        return create(status, fields.code, message, moreInfo, fields.details, requestId, retryAfter, problem);
    }

    private static ApiException create(int status, Integer code, String message, String moreInfo, String details,
                                       String requestId, java.time.Duration retryAfter, Problem problem) {
        if (status == 401 || status == 403) {
            return new AuthenticationException(status, code, message, moreInfo, details, requestId, null, problem);
        }
        if (status == 404) {
            return new NotFoundException(status, code, message, moreInfo, details, requestId, null, problem);
        }
        if (status == 429) {
            return new RateLimitedException(status, code, message, moreInfo, details, requestId, retryAfter, problem);
        }
        if (status >= 400 && status < 500) {
            return new InvalidRequestException(status, code, message, moreInfo, details, requestId, null, problem);
        }
        if (status >= 500) {
            return new ServerErrorException(status, code, message, moreInfo, details, requestId, retryAfter, problem);
        }
        return new ApiException(status, code, message, moreInfo, details, requestId, null, problem);
    }

    private static final class Fields {
        Integer code;
        String message;
        String title;
        String detail;
        String type;
        String moreInfo;
        String details;
        List<FieldError> errors = List.of();
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
                    case "message" -> fields.message = JsonReading.text(parser, value);
                    case "detail" -> fields.detail = JsonReading.text(parser, value);
                    case "title" -> fields.title = JsonReading.text(parser, value);
                    case "type" -> fields.type = JsonReading.text(parser, value);
                    case "more_info" -> fields.moreInfo = JsonReading.text(parser, value);
                    case "details" -> fields.details = compact(parser, value);
                    case "errors" -> fields.errors = fieldErrors(parser, value);
                    default -> parser.skipChildren();
                }
            }
            return true;
        } catch (IOException cutShortOrMalformed) {
            // What was read before the damage is still worth reporting, but only if it names an error.
            return fields.code != null || fields.message != null || fields.detail != null || fields.title != null;
        }
    }

    /** The objects of an {@code errors} array; anything else (not an array, an element not an object) is skipped. */
    private static List<FieldError> fieldErrors(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
            if (element != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String field = null;
            String pointer = null;
            String message = null;
            String detail = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken member = parser.nextToken();
                switch (name) {
                    case "field" -> field = JsonReading.text(parser, member);
                    case "pointer" -> pointer = JsonReading.text(parser, member);
                    case "message" -> message = JsonReading.text(parser, member);
                    case "detail" -> detail = JsonReading.text(parser, member);
                    default -> parser.skipChildren();
                }
            }
            if (field == null && pointer != null) {
                field = pointer.startsWith("#/") ? pointer.substring(2) : pointer;
            }
            if (errors.size() < MAX_FIELD_ERRORS) {
                errors.add(new FieldError(field, message != null ? message : detail));
            }
        }
        return errors;
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
