package dev.conclave.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.conclave.DecodingException;
import dev.conclave.http.HttpResponse;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.ParticipantStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the Participant API's JSON with Jackson's streaming parser: no data binding, no reflection.
 * Tolerant where Twilio may evolve (unknown fields are skipped, every field may be {@code null}, an unknown
 * status keeps its text, a scalar of another JSON type is read by its text) and strict where the response
 * cannot be trusted (malformed or cut-short JSON, a body that is not an object, an unreadable date): those
 * give a {@link DecodingException} with a short excerpt.
 */
public final class ParticipantJson {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private ParticipantJson() {
    }

    /** The shared, thread-safe factory, also used for error bodies. */
    static JsonFactory factory() {
        return JSON;
    }

    /**
     * Decodes a single participant (create, fetch, update responses).
     *
     * @throws DecodingException if the body is not a JSON object or a field cannot be read
     */
    public static Participant participant(HttpResponse response) {
        try (JsonParser parser = response.readBody(JSON::createParser)) {
            expectObject(parser, response);
            Participant participant = readParticipant(parser, response, new Repeated());
            expectEnd(parser, response);
            return participant;
        } catch (IOException malformed) {
            throw failure(response, malformed);
        }
    }

    /**
     * Decodes a page of a listing.
     *
     * @throws DecodingException if the body is not a JSON object or a field cannot be read
     */
    public static ParticipantPage page(HttpResponse response) {
        return page(response, null);
    }

    /**
     * Decodes a page of a listing, telling {@code nextPageUri} the page's {@code next_page_uri} as soon as it is
     * read: when Twilio sends it before the participants (the order of its schema), the next page can be asked
     * for while this one is still being decoded.
     *
     * @param nextPageUri told a non-null {@code next_page_uri} (each time, should the field repeat); must not
     *     throw; {@code null} for nobody
     * @throws DecodingException if the body is not a JSON object or a field cannot be read
     */
    public static ParticipantPage page(HttpResponse response, Consumer<String> nextPageUri) {
        // Straight from the transport's array: a stream over it would copy every byte once more.
        try (JsonParser parser = response.readBody(JSON::createParser)) {
            expectObject(parser, response);
            List<Participant> participants = List.of();
            Integer page = null;
            Integer pageSize = null;
            Integer start = null;
            Integer end = null;
            String uri = null;
            String firstPageUri = null;
            String next = null;
            String previousPageUri = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "participants" -> participants = readParticipants(parser, value, response, pageSize);
                    case "page" -> page = integer(parser, value);
                    case "page_size" -> pageSize = integer(parser, value);
                    case "start" -> start = integer(parser, value);
                    case "end" -> end = integer(parser, value);
                    case "uri" -> uri = text(parser, value);
                    case "first_page_uri" -> firstPageUri = text(parser, value);
                    case "next_page_uri" -> {
                        next = text(parser, value);
                        if (next != null && nextPageUri != null) {
                            nextPageUri.accept(next);
                        }
                    }
                    case "previous_page_uri" -> previousPageUri = text(parser, value);
                    default -> parser.skipChildren();
                }
            }
            expectEnd(parser, response);
            return new ParticipantPage(participants, page, pageSize, start, end, uri, firstPageUri, next,
                    previousPageUri);
        } catch (IOException malformed) {
            throw failure(response, malformed);
        }
    }

    private static List<Participant> readParticipants(JsonParser parser, JsonToken token, HttpResponse response,
            Integer pageSize) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            if (token == JsonToken.VALUE_NULL) {
                return List.of();
            }
            throw decoding(response, parser, "'participants' is not an array");
        }
        // page_size comes before the participants in Twilio's order: sized by it, the list never grows and copies
        // (a page_size beyond Twilio's largest page is not trusted with the allocation).
        List<Participant> participants = new ArrayList<>(pageSize != null && pageSize > 0
                ? Math.min(pageSize, ListingPlan.MAX_PAGE_SIZE) : 10);
        Repeated repeated = new Repeated();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (element == null) {
                throw decoding(response, parser, "the participants array is cut short");
            }
            if (element == JsonToken.START_OBJECT) {
                participants.add(readParticipant(parser, response, repeated));
            } else if (element != JsonToken.VALUE_NULL) {
                throw decoding(response, parser, "a participants element is not an object");
            }
        }
        return participants;
    }

    /** A participant's fields in the order Twilio sends them (the order of the OpenAPI schema). */
    private static final SerializedString[] FIELDS = Stream.of("account_sid", "call_sid", "label",
            "call_sid_to_coach", "coaching", "conference_sid", "date_created", "date_updated",
            "end_conference_on_exit", "muted", "hold", "start_conference_on_enter", "status", "queue_time", "uri")
            .map(SerializedString::new).toArray(SerializedString[]::new);

    /** A field's index in {@link #FIELDS}, or -1 for a field Conclave does not know. */
    private static int fieldIndex(String name) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].getValue().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Values that repeat from participant to participant of a page (the account, the conference): read once as a
     * String, then matched in the parser's buffer and shared, so a page of 1,000 holds one copy, not 1,000.
     */
    private static final class Repeated {
        final Remembered accountSid = new Remembered();
        final Remembered conferenceSid = new Remembered();
    }

    /**
     * The last value of one field, kept also as chars: compared with the parser's buffer by
     * {@link Arrays#equals(char[], int, int, char[], int, int)}, which the JIT vectorises, instead of char by char.
     */
    private static final class Remembered {
        private String value;
        private char[] chars;

        String read(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                return text(parser, token);
            }
            char[] buffer = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            if (chars != null && Arrays.equals(buffer, offset, offset + length, chars, 0, chars.length)) {
                return value;
            }
            chars = Arrays.copyOfRange(buffer, offset, offset + length);
            value = new String(chars);
            return value;
        }
    }

    private static Participant readParticipant(JsonParser parser, HttpResponse response, Repeated repeated)
            throws IOException {
        String accountSid = null;
        String callSid = null;
        String label = null;
        String callSidToCoach = null;
        Boolean coaching = null;
        String conferenceSid = null;
        Instant dateCreated = null;
        Instant dateUpdated = null;
        Boolean endConferenceOnExit = null;
        Boolean muted = null;
        Boolean hold = null;
        Boolean startConferenceOnEnter = null;
        ParticipantStatus status = null;
        String queueTime = null;
        String uri = null;
        int expected = 0;
        while (true) {
            int field;
            // Twilio sends the fields in one order: matching the expected name in the raw bytes skips Jackson's
            // name hashing and lookup; any other order or field still works, through the slower path.
            boolean predicted = expected < FIELDS.length ? parser.nextFieldName(FIELDS[expected])
                    : parser.nextToken() == null;
            if (predicted && expected < FIELDS.length) {
                field = expected;
            } else if (parser.currentToken() == JsonToken.FIELD_NAME) {
                field = fieldIndex(parser.currentName());
            } else {
                break;
            }
            JsonToken value = parser.nextToken();
            switch (field) {
                case 0 -> accountSid = repeated.accountSid.read(parser, value);
                case 1 -> callSid = text(parser, value);
                case 2 -> label = text(parser, value);
                case 3 -> callSidToCoach = text(parser, value);
                case 4 -> coaching = bool(parser, value);
                case 5 -> conferenceSid = repeated.conferenceSid.read(parser, value);
                case 6 -> dateCreated = date(parser, value, response);
                case 7 -> dateUpdated = date(parser, value, response);
                case 8 -> endConferenceOnExit = bool(parser, value);
                case 9 -> muted = bool(parser, value);
                case 10 -> hold = bool(parser, value);
                case 11 -> startConferenceOnEnter = bool(parser, value);
                case 12 -> status = status(parser, value);
                case 13 -> queueTime = text(parser, value);
                case 14 -> uri = text(parser, value);
                default -> parser.skipChildren();
            }
            if (field >= 0) {
                expected = field + 1;
            }
        }
        JsonToken token = parser.currentToken();
        if (token != JsonToken.END_OBJECT) {
            throw decoding(response, parser, "a participant object is cut short");
        }
        return new Participant(accountSid, callSid, label, callSidToCoach, coaching, conferenceSid, dateCreated,
                dateUpdated, endConferenceOnExit, muted, hold, startConferenceOnEnter, status, queueTime, uri);
    }

    /** A scalar's text; {@code null} for JSON null, and for an object or array (skipped). */
    static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            return null;
        }
        if (token.isScalarValue()) {
            return token == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    private static Boolean bool(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        String text = text(parser, token);
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    static Integer integer(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        String text = text(parser, token);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    private static Instant date(JsonParser parser, JsonToken token, HttpResponse response) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            String text = text(parser, token);
            if (text == null || text.isEmpty()) {
                return null;
            }
        }
        if (parser.getTextLength() == 0) {
            return null;
        }
        try {
            // Parsed in the parser's buffer: no String is made for a value only needed as an Instant.
            return Rfc2822Dates.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        } catch (IllegalArgumentException unreadable) {
            throw new DecodingException("field '" + parser.currentName() + "': " + unreadable.getMessage(),
                    response.status(), requestId(response), unreadable);
        }
    }

    private static final List<ParticipantStatus> KNOWN_STATUSES = ParticipantStatus.knownValues();
    /** The known statuses' text, matched in the parser's buffer so that a known status makes no String. */
    private static final char[][] KNOWN_STATUS_CHARS = KNOWN_STATUSES.stream()
            .map(status -> status.value().toCharArray()).toArray(char[][]::new);

    private static ParticipantStatus status(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            char[] buffer = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int end = offset + parser.getTextLength();
            for (int i = 0; i < KNOWN_STATUS_CHARS.length; i++) {
                if (Arrays.equals(buffer, offset, end, KNOWN_STATUS_CHARS[i], 0, KNOWN_STATUS_CHARS[i].length)) {
                    return KNOWN_STATUSES.get(i);
                }
            }
        }
        String text = text(parser, token);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return ParticipantStatus.of(text);
        } catch (IllegalArgumentException controlCharacters) {
            return null;
        }
    }

    private static void expectObject(JsonParser parser, HttpResponse response) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw decoding(response, parser, first == null ? "the body is empty" : "the body is not a JSON object");
        }
    }

    private static void expectEnd(JsonParser parser, HttpResponse response) throws IOException {
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw decoding(response, parser, "the JSON object is cut short");
        }
        if (parser.nextToken() != null) {
            throw decoding(response, parser, "unexpected data after the JSON object");
        }
    }

    private static DecodingException decoding(HttpResponse response, JsonParser parser, String problem) {
        long offset = parser.currentLocation().getByteOffset();
        return new DecodingException(problem + excerpt(response, offset), response.status(), requestId(response),
                null);
    }

    private static DecodingException failure(HttpResponse response, IOException malformed) {
        if (malformed.getCause() instanceof DecodingException decoding) {
            return decoding;
        }
        long offset = malformed instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                && processing.getLocation() != null ? processing.getLocation().getByteOffset() : -1;
        String reason = malformed instanceof com.fasterxml.jackson.core.io.JsonEOFException
                ? "the JSON is cut short" : "malformed JSON";
        String detail = malformed instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                ? processing.getOriginalMessage() : malformed.getMessage();
        return new DecodingException(reason + " (" + firstLine(detail) + ")" + excerpt(response, offset),
                response.status(), requestId(response), malformed);
    }

    static String requestId(HttpResponse response) {
        return response.headers().first("Twilio-Request-Id").orElse(null);
    }

    /** At most 60 bytes of the body near the offset, printable ASCII only; never the whole body. */
    static String excerpt(HttpResponse response, long offset) {
        int length = response.bodyLength();
        if (length == 0) {
            return "; body is empty";
        }
        byte[] body = response.bodyBytes();
        int at = offset < 0 || offset > length ? 0 : (int) offset;
        int from = Math.max(0, at - 30);
        int to = Math.min(length, from + 60);
        StringBuilder shown = new StringBuilder("; near byte ").append(at).append(" of ").append(length)
                .append(": \"");
        for (int i = from; i < to; i++) {
            int b = body[i] & 0xFF;
            shown.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
        }
        return shown.append('"').toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
