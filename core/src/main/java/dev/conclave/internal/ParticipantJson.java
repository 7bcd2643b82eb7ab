package dev.conclave.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import dev.conclave.DecodingException;
import dev.conclave.http.HttpResponse;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.ParticipantStatus;
import dev.conclave.model.internal.DeferredValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * give a {@link DecodingException} with a short excerpt. A page's participants are read whole except their call
 * SIDs, labels, calls to coach, dates, queue times and URIs, which stay in the body's bytes until asked for
 * ({@link Participant#deferred}); a date there in the shape of Twilio's form that is not a real date throws the
 * {@link DecodingException} from its accessor.
 */
public final class ParticipantJson {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_STRING_LENGTH = JSON.streamReadConstraints().getMaxStringLength();

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
        try {
            return response.readBody((bytes, offset, length) -> {
                try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
                    expectObject(parser, response);
                    Participant participant = readParticipant(parser, response, new Body(bytes, offset, length, response,
                            false));
                    expectEnd(parser, response);
                    return participant;
                }
            });
        } catch (IOException malformed) {
            throw failure(response, malformed);
        }
    }

    /**
     * Decodes a page of a listing.
     *
     * @throws DecodingException if the body is not a JSON object or a field cannot be read (a deferred date in
     *     Twilio's shape that is not a date: from its accessor)
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
     * @throws DecodingException if the body is not a JSON object or a field cannot be read (a deferred date in
     *     Twilio's shape that is not a date: from its accessor)
     */
    public static ParticipantPage page(HttpResponse response, Consumer<String> nextPageUri) {
        // Straight from the transport's array: a stream over it would copy every byte once more.
        try {
            return response.readBody((bytes, offset, length) -> readPage(bytes, offset, length, response,
                    nextPageUri));
        } catch (IOException malformed) {
            throw failure(response, malformed);
        }
    }

    /** Decodes a page held in a region of an array, as a {@link HttpResponse.BodyReader} may be given one. */
    static ParticipantPage readPage(byte[] bytes, int offset, int length, HttpResponse response,
            Consumer<String> nextPageUri) throws IOException {
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            return readPage(parser, response, new Body(bytes, offset, length, response, true), nextPageUri);
        }
    }

    private static ParticipantPage readPage(JsonParser parser, HttpResponse response, Body body,
            Consumer<String> nextPageUri) throws IOException {
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
                case "participants" -> participants = readParticipants(parser, value, response, pageSize, body);
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
    }

    private static List<Participant> readParticipants(JsonParser parser, JsonToken token, HttpResponse response,
            Integer pageSize, Body body) throws IOException {
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
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (element == null) {
                throw decoding(response, parser, "the participants array is cut short");
            }
            if (element == JsonToken.START_OBJECT) {
                participants.add(readParticipant(parser, response, body));
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
     * The body being decoded. A page's call SIDs, labels, dates, queue times and URIs are left in its bytes: the
     * decoder notes where each starts and Jackson skips it, which is the token scan's work; a participant reads
     * them when first asked for ({@link Deferred}). In a JFR profile of a page of 1,000 decoded eagerly, making
     * those strings and dates was about a third of the samples, and their objects most of the 526 bytes allocated
     * per participant. Repeated SIDs and known statuses are matched in the bytes and shared.
     */
    private static final class Body {
        private final byte[] bytes;
        private final int offset;
        private final int end;
        private final HttpResponse response;
        /** Whether values may be left in the bytes: for pages (a single participant is read whole). */
        private final boolean deferring;
        final Remembered accountSid = new Remembered();
        final Remembered conferenceSid = new Remembered();

        Body(byte[] bytes, int offset, int length, HttpResponse response, boolean deferring) {
            this.bytes = bytes;
            this.offset = offset;
            this.end = offset + length;
            this.response = response;
            this.deferring = deferring;
        }

        /**
         * Where the current string value's content starts in {@link #bytes}, or -1. Only right after the parser
         * returned the VALUE_STRING, before its text was asked for: the parser then stands just after the opening
         * quote, which is checked. Only for Jackson's UTF-8 parser, whose offsets are bytes: for a body in UTF-16 or
         * UTF-32 Jackson reads chars, whose offsets are not indexes into these bytes.
         */
        int valueStart(JsonParser parser) {
            if (!(parser instanceof UTF8StreamJsonParser utf8)) {
                return -1;
            }
            // The parser keeps the token's offset in a field; currentLocation() would build a JsonLocation for it
            // (6% of the decoding samples).
            long at = utf8.getTokenCharacterOffset();
            if (at <= 0 || at >= end - offset) {
                return -1;
            }
            int start = offset + (int) at;
            return bytes[start - 1] == '"' ? start : -1;
        }

        /**
         * Where to find the current value later, or -1 when it is to be decoded now: only a string value of a page
         * read by the UTF-8 parser waits.
         */
        int deferrable(JsonParser parser, JsonToken token) {
            return deferring && token == JsonToken.VALUE_STRING ? valueStart(parser) : -1;
        }

        /**
         * Where to find the current value, a date, later, or -1 when it is to be parsed now: a date of a page in the
         * shape of Twilio's form waits; any other is parsed now, so that one that cannot be read fails the page.
         */
        int deferrableDate(JsonParser parser, JsonToken token) {
            int start = deferrable(parser, token);
            return Rfc2822Dates.hasQuotedTwilioShape(bytes, start, end) ? start : -1;
        }

        /**
         * Whether the string value starting at {@code start} is exactly {@code expected}, which is printable ASCII
         * with no quote or backslash (see {@link #plain}), so that equal bytes followed by the closing quote mean
         * an equal value.
         */
        boolean valueIs(int start, byte[] expected) {
            int to = start + expected.length;
            return start >= 0 && to < end && bytes[to] == '"'
                    && Arrays.equals(bytes, start, to, expected, 0, expected.length);
        }

        /**
         * The string value whose content starts at {@code start}, which Jackson has already read through once.
         * Plain ASCII up to the closing quote is copied as it is; a value with an escape or a non-ASCII character
         * is decoded by Jackson.
         *
         * @throws DecodingException naming the field if Jackson cannot read it
         */
        String string(int start, String field) {
            int stop = plainUntil(start);
            if (stop < end && bytes[stop] == '"' && stop - start <= MAX_STRING_LENGTH) {
                return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1);
            }
            try (JsonParser parser = JSON.createParser(bytes, start - 1, end - start + 1)) {
                parser.nextToken();
                return parser.getText();
            } catch (IOException unreadable) {
                throw unreadableField(response, field, firstLine(unreadable.getMessage()), unreadable);
            }
        }

        /**
         * The index of the first byte from {@code start} that is a quote, a backslash or not ASCII, or {@link #end}:
         * in a string Jackson has already skipped, the closing quote unless the string needs decoding. Eight bytes
         * at a time: reading every value of a page of 1,000 took 3% to 11% less time than byte by byte (see
         * docs/BENCHMARKS.md).
         */
        private int plainUntil(int start) {
            int i = start;
            for (; i + Long.BYTES <= end; i += Long.BYTES) {
                long word = (long) LONGS.get(bytes, i);
                long quotes = word ^ 0x2222222222222222L;
                long backslashes = word ^ 0x5C5C5C5C5C5C5C5CL;
                // A byte of 0 after the XOR is a quote or a backslash (the subtraction borrows through it); a high
                // bit, not ASCII. Only bytes after the first such byte can be flagged wrongly, so the lowest flag is
                // the place. No control character can be here: Jackson refused any while skipping the string.
                long flags = ((quotes - 0x0101010101010101L) & ~quotes) | ((backslashes - 0x0101010101010101L)
                        & ~backslashes) | word;
                flags &= 0x8080808080808080L;
                if (flags != 0) {
                    return i + (Long.numberOfTrailingZeros(flags) >>> 3);
                }
            }
            for (; i < end; i++) {
                byte b = bytes[i];
                if (b == '"' || b == '\\' || b < 0x20) {
                    return i;
                }
            }
            return end;
        }

        /**
         * The date whose string value starts at {@code start}; {@code null} for an empty string.
         *
         * @throws DecodingException naming the field if it is not an RFC 2822 date
         */
        Instant date(int start, String field) {
            Instant twilioForm = Rfc2822Dates.parseQuotedTwilioForm(bytes, start, end);
            if (twilioForm != null) {
                return twilioForm;
            }
            String text = string(start, field);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Rfc2822Dates.parse(text);
            } catch (IllegalArgumentException unreadable) {
                throw unreadableField(response, field, unreadable.getMessage(), unreadable);
            }
        }

        /** Parses a date in Twilio's form straight from the bytes, or {@code null} if it is not in that form. */
        Instant twilioFormDate(JsonParser parser) {
            return Rfc2822Dates.parseQuotedTwilioForm(bytes, valueStart(parser), end);
        }
    }

    /**
     * Where a page's participant finds the values it left in the body: each one's start in the body's bytes (-1
     * for a value read at once), and each value once read. One small object per participant instead of up to five
     * strings and two dates.
     */
    private static final class Deferred implements DeferredValues {
        /** Kept for a value read as null, since null here means "not read yet". */
        private static final Object NULL = new Object();

        private final Body body;
        int callSid = -1;
        int label = -1;
        int callSidToCoach = -1;
        int dateCreated = -1;
        int dateUpdated = -1;
        int queueTime = -1;
        int uri = -1;
        // Read on first use and kept. Not volatile: two threads may both read a value (the answers are equal);
        // String and Instant are immutable with final fields, so one seen through a race is whole.
        private Object callSidRead;
        private Object labelRead;
        private Object callSidToCoachRead;
        private Object dateCreatedRead;
        private Object dateUpdatedRead;
        private Object queueTimeRead;
        private Object uriRead;

        Deferred(Body body) {
            this.body = body;
        }

        @Override
        public String text(Value value) {
            return switch (value) {
                case CALL_SID -> (String) unwrap(callSidRead != null ? callSidRead
                        : (callSidRead = wrap(body.string(callSid, "call_sid"))));
                case LABEL -> (String) unwrap(labelRead != null ? labelRead
                        : (labelRead = wrap(body.string(label, "label"))));
                case CALL_SID_TO_COACH -> (String) unwrap(callSidToCoachRead != null ? callSidToCoachRead
                        : (callSidToCoachRead = wrap(body.string(callSidToCoach, "call_sid_to_coach"))));
                case QUEUE_TIME -> (String) unwrap(queueTimeRead != null ? queueTimeRead
                        : (queueTimeRead = wrap(body.string(queueTime, "queue_time"))));
                case URI -> (String) unwrap(uriRead != null ? uriRead : (uriRead = wrap(body.string(uri, "uri"))));
                default -> throw new IllegalArgumentException(value + " is not a text value");
            };
        }

        @Override
        public Instant date(Value value) {
            return switch (value) {
                case DATE_CREATED -> (Instant) unwrap(dateCreatedRead != null ? dateCreatedRead
                        : (dateCreatedRead = wrap(body.date(dateCreated, "date_created"))));
                case DATE_UPDATED -> (Instant) unwrap(dateUpdatedRead != null ? dateUpdatedRead
                        : (dateUpdatedRead = wrap(body.date(dateUpdated, "date_updated"))));
                default -> throw new IllegalArgumentException(value + " is not a date");
            };
        }

        private static Object wrap(Object read) {
            return read == null ? NULL : read;
        }

        private static Object unwrap(Object kept) {
            return kept == NULL ? null : kept;
        }
    }

    /** The text's bytes if it is printable ASCII without a quote or backslash (as it would be in JSON), else null. */
    private static byte[] plain(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return null; // JSON would not write it as its one ASCII byte
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /**
     * The last value of a field that repeats from participant to participant of a page (the account, the
     * conference): kept once, so that a page of 1,000 holds one copy, not 1,000, and matched in the body's bytes.
     */
    private static final class Remembered {
        private String value;
        private byte[] bytes;

        String read(JsonParser parser, JsonToken token, Body body) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                return text(parser, token);
            }
            if (bytes != null && body.valueIs(body.valueStart(parser), bytes)) {
                return value;
            }
            String read = parser.getText();
            if (!read.equals(value)) {
                value = read;
                bytes = plain(read);
            }
            return value;
        }
    }

    private static Participant readParticipant(JsonParser parser, HttpResponse response, Body body)
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
        Deferred deferred = body.deferring ? new Deferred(body) : null;
        int at;
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
                case 0 -> accountSid = body.accountSid.read(parser, value, body);
                case 1 -> {
                    if ((at = body.deferrable(parser, value)) >= 0) {
                        deferred.callSid = at;
                        callSid = DeferredValues.TEXT;
                    } else {
                        callSid = text(parser, value);
                    }
                }
                case 2 -> {
                    if ((at = body.deferrable(parser, value)) >= 0) {
                        deferred.label = at;
                        label = DeferredValues.TEXT;
                    } else {
                        label = text(parser, value);
                    }
                }
                case 3 -> {
                    if ((at = body.deferrable(parser, value)) >= 0) {
                        deferred.callSidToCoach = at;
                        callSidToCoach = DeferredValues.TEXT;
                    } else {
                        callSidToCoach = text(parser, value);
                    }
                }
                case 4 -> coaching = bool(parser, value);
                case 5 -> conferenceSid = body.conferenceSid.read(parser, value, body);
                case 6 -> {
                    if ((at = body.deferrableDate(parser, value)) >= 0) {
                        deferred.dateCreated = at;
                        dateCreated = DeferredValues.DATE;
                    } else {
                        dateCreated = date(parser, value, response, body);
                    }
                }
                case 7 -> {
                    if ((at = body.deferrableDate(parser, value)) >= 0) {
                        deferred.dateUpdated = at;
                        dateUpdated = DeferredValues.DATE;
                    } else {
                        dateUpdated = date(parser, value, response, body);
                    }
                }
                case 8 -> endConferenceOnExit = bool(parser, value);
                case 9 -> muted = bool(parser, value);
                case 10 -> hold = bool(parser, value);
                case 11 -> startConferenceOnEnter = bool(parser, value);
                case 12 -> status = status(parser, value, body);
                case 13 -> {
                    if ((at = body.deferrable(parser, value)) >= 0) {
                        deferred.queueTime = at;
                        queueTime = DeferredValues.TEXT;
                    } else {
                        queueTime = text(parser, value);
                    }
                }
                case 14 -> {
                    if ((at = body.deferrable(parser, value)) >= 0) {
                        deferred.uri = at;
                        uri = DeferredValues.TEXT;
                    } else {
                        uri = text(parser, value);
                    }
                }
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
        if (deferred == null) {
            return new Participant(accountSid, callSid, label, callSidToCoach, coaching, conferenceSid, dateCreated,
                    dateUpdated, endConferenceOnExit, muted, hold, startConferenceOnEnter, status, queueTime, uri);
        }
        return Participant.deferred(deferred, accountSid, callSid, label, callSidToCoach, coaching, conferenceSid,
                dateCreated, dateUpdated, endConferenceOnExit, muted, hold, startConferenceOnEnter, status, queueTime,
                uri);
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

    private static Instant date(JsonParser parser, JsonToken token, HttpResponse response, Body body)
            throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            Instant twilioForm = body.twilioFormDate(parser);
            if (twilioForm != null) {
                return twilioForm;
            }
        } else {
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
            throw unreadableField(response, parser.currentName(), unreadable.getMessage(), unreadable);
        }
    }

    private static final List<ParticipantStatus> KNOWN_STATUSES = ParticipantStatus.knownValues();
    /** The known statuses' bytes, matched in the body so that a known status is neither decoded nor made a String. */
    private static final byte[][] KNOWN_STATUS_BYTES = KNOWN_STATUSES.stream()
            .map(status -> plain(status.value())).toArray(byte[][]::new);

    private static ParticipantStatus status(JsonParser parser, JsonToken token, Body body) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            int start = body.valueStart(parser);
            for (int i = 0; i < KNOWN_STATUS_BYTES.length; i++) {
                if (body.valueIs(start, KNOWN_STATUS_BYTES[i])) {
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

    /** A field's value that cannot be read, decoded with the page or later by a participant. */
    private static DecodingException unreadableField(HttpResponse response, String field, String problem,
            Exception cause) {
        return new DecodingException("field '" + field + "': " + problem, response.status(), requestId(response),
                cause);
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
