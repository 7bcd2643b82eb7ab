package dev.conclave.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.conclave.DecodingException;
import dev.conclave.http.HttpResponse;
import dev.conclave.model.WireValue;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the generated decoders share, on jackson-core's public streaming API: no data binding, no reflection.
 * Tolerant where Twilio may evolve (unknown fields are skipped, every field may be {@code null}, an unknown
 * value keeps its text, a scalar of another JSON type is read by its text) and strict where the response
 * cannot be trusted (malformed or cut-short JSON, a body that is not an object, an unreadable date): those fail
 * the call with a {@link DecodingException} that names the field or shows a short excerpt, never the body.
 *
 * <p>One instance reads one response, so that text every item of a page repeats (its account and conference
 * SIDs) is made into a String once.
 */
public final class JsonReading {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    /** The most items a page is sized for before it is read: Twilio's largest page. */
    private static final int MAX_PAGE_SIZE = 1000;

    private final HttpResponse response;
    /** The last text read into each slot of {@link #shared}; made when first needed, as single objects need none. */
    private String[] shared;

    private JsonReading(HttpResponse response) {
        this.response = response;
    }

    /** The shared, thread-safe factory, also used for error bodies. */
    public static JsonFactory factory() {
        return JSON;
    }

    /** Reads one object at the parser's position (its start already read). */
    @FunctionalInterface
    public interface ItemReader<T> {
        /**
         * Reads the object's fields up to and including its end.
         *
         * @param parser the parser, on the object's start
         * @param reading this response's reading
         * @return the item
         * @throws IOException if the JSON is malformed
         */
        T read(JsonParser parser, JsonReading reading) throws IOException;
    }

    /** Makes a page record from its items and paging fields. */
    @FunctionalInterface
    public interface PageFactory<T, P> {
        /**
         * Makes the page.
         *
         * @param items the page's items
         * @param page the page index
         * @param pageSize the page size
         * @param start the first item's index
         * @param end the last item's index
         * @param uri this page's URI
         * @param firstPageUri the first page's URI
         * @param nextPageUri the next page's URI
         * @param previousPageUri the previous page's URI
         * @return the page
         */
        P make(List<T> items, Integer page, Integer pageSize, Integer start, Integer end, String uri,
               String firstPageUri, String nextPageUri, String previousPageUri);
    }

    /** The names as Jackson matches them against the raw bytes. */
    public static SerializedString[] names(String... names) {
        SerializedString[] serialized = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            serialized[i] = new SerializedString(names[i]);
        }
        return serialized;
    }

    /**
     * Decodes a body that is one object (create, fetch, update responses).
     *
     * @throws DecodingException if the body is not a JSON object or a field cannot be read
     */
    public static <T> T one(HttpResponse response, ItemReader<T> reader) {
        JsonReading reading = new JsonReading(response);
        try {
            return response.readBody((bytes, offset, length) -> {
                try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
                    reading.expectObject(parser);
                    T item = reader.read(parser, reading);
                    reading.expectEnd(parser);
                    return item;
                }
            });
        } catch (IOException malformed) {
            throw reading.failure(malformed);
        }
    }

    /**
     * Decodes a page: its paging fields and the array {@code itemsField} of items.
     *
     * @param nextPageUri told a non-null {@code next_page_uri} as soon as it is read, so that the next page can be
     *     asked for while this one is decoded (Twilio sends it before the items); must not throw; may be null
     * @throws DecodingException if the body is not a JSON object or a field cannot be read
     */
    public static <T, P> P page(HttpResponse response, String itemsField, ItemReader<T> reader,
                                Consumer<String> nextPageUri, PageFactory<T, P> factory) {
        JsonReading reading = new JsonReading(response);
        try {
            return response.readBody((bytes, offset, length) -> {
                try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
                    return reading.readPage(parser, itemsField, reader, nextPageUri, factory);
                }
            });
        } catch (IOException malformed) {
            throw reading.failure(malformed);
        }
    }

    private <T, P> P readPage(JsonParser parser, String itemsField, ItemReader<T> reader,
                              Consumer<String> nextPageUri, PageFactory<T, P> factory) throws IOException {
        expectObject(parser);
        List<T> items = List.of();
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
                default -> {
                    if (name.equals(itemsField)) {
                        items = items(parser, value, itemsField, pageSize, reader);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
        expectEnd(parser);
        return factory.make(items, page, pageSize, start, end, uri, firstPageUri, next, previousPageUri);
    }

    private <T> List<T> items(JsonParser parser, JsonToken token, String field, Integer pageSize,
                              ItemReader<T> reader) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            if (token == JsonToken.VALUE_NULL) {
                return List.of();
            }
            throw decoding(parser, "'" + field + "' is not an array");
        }
        // page_size comes before the items in Twilio's order: sized by it, the list never grows and copies.
        List<T> items = new ArrayList<>(pageSize != null && pageSize > 0 ? Math.min(pageSize, MAX_PAGE_SIZE) : 10);
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (element == null) {
                throw decoding(parser, "the " + field + " array is cut short");
            }
            if (element == JsonToken.START_OBJECT) {
                items.add(reader.read(parser, this));
            } else if (element != JsonToken.VALUE_NULL) {
                throw decoding(parser, "an element of " + field + " is not an object");
            }
        }
        return items;
    }

    /** A scalar's text; {@code null} for JSON null, and for an object or array (skipped). */
    public static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            return null;
        }
        if (token.isScalarValue()) {
            return token == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /**
     * {@link #text}, but the same String as the last value read into this slot when the text is the same: the
     * account and conference SIDs of a page's items are one value each.
     */
    public String shared(int slot, JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            return text(parser, token);
        }
        if (shared == null || slot >= shared.length) {
            shared = java.util.Arrays.copyOf(shared == null ? new String[0] : shared, slot + 1);
        }
        String last = shared[slot];
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (last != null && regionIs(chars, offset, length, last)) {
            return last;
        }
        String read = new String(chars, offset, length);
        shared[slot] = read;
        return read;
    }

    /**
     * An object of texts, such as {@code subresource_uris}, in its order; {@code null} for JSON null. A member
     * that is not a scalar is left out.
     */
    public static Map<String, String> textMap(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            text(parser, token);
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String value = text(parser, parser.nextToken());
            if (value != null) {
                map.put(name, value);
            }
        }
        return map;
    }

    /** Any JSON value as its compact JSON text; {@code null} for JSON null. */
    public static String json(JsonParser parser, JsonToken token) throws IOException {
        if (token == null || token == JsonToken.VALUE_NULL) {
            return null;
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }

    /** A boolean, also from the text {@code "true"} or {@code "false"}; {@code null} for anything else. */
    public static Boolean bool(JsonParser parser, JsonToken token) throws IOException {
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

    /** An int, also from its decimal text; {@code null} for anything else. */
    public static Integer integer(JsonParser parser, JsonToken token) throws IOException {
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

    /**
     * A value of an open set: the known constant when the text is one (matched in the parser's buffer, so no
     * String is made), else a new value keeping the text; {@code null} for null, empty or control characters.
     */
    public static <V extends WireValue> V value(JsonParser parser, JsonToken token, List<V> known,
                                                Function<String, V> of) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            for (int i = 0, n = known.size(); i < n; i++) {
                V candidate = known.get(i);
                if (regionIs(chars, offset, length, candidate.value())) {
                    return candidate;
                }
            }
        }
        String text = text(parser, token);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return of.apply(text);
        } catch (IllegalArgumentException controlCharacters) {
            return null;
        }
    }

    /**
     * An RFC 2822 date as Twilio sends it ({@code Fri, 18 Feb 2011 21:07:19 +0000}); {@code null} for null or empty.
     *
     * @throws DecodingException naming the field if the text is not such a date
     */
    public Instant date(JsonParser parser, JsonToken token) throws IOException {
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

    /** Checks the parser is at the end of an object; else the JSON is cut short. */
    public void expectObjectEnd(JsonParser parser, String what) {
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw decoding(parser, what + " is cut short");
        }
    }

    private static boolean regionIs(char[] chars, int offset, int length, String text) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expectObject(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw decoding(parser, first == null ? "the body is empty" : "the body is not a JSON object");
        }
    }

    private void expectEnd(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw decoding(parser, "the JSON object is cut short");
        }
        if (parser.nextToken() != null) {
            throw decoding(parser, "unexpected data after the JSON object");
        }
    }

    private DecodingException decoding(JsonParser parser, String problem) {
        long offset = parser.currentLocation().getByteOffset();
        return new DecodingException(problem + excerpt(response, offset), response.status(), requestId(response),
                null);
    }

    private DecodingException failure(IOException malformed) {
        if (malformed.getCause() instanceof DecodingException decoding) {
            return decoding;
        }
        long offset = malformed instanceof JsonProcessingException processing && processing.getLocation() != null
                ? processing.getLocation().getByteOffset() : -1;
        String reason = malformed instanceof JsonEOFException ? "the JSON is cut short" : "malformed JSON";
        String detail = malformed instanceof JsonProcessingException processing
                ? processing.getOriginalMessage() : malformed.getMessage();
        return new DecodingException(reason + " (" + firstLine(detail) + ")" + excerpt(response, offset),
                response.status(), requestId(response), malformed);
    }

    /** The {@code Twilio-Request-Id} header, or {@code null}. */
    public static String requestId(HttpResponse response) {
        return response.headers().first("Twilio-Request-Id").orElse(null);
    }

    /** At most 60 bytes of the body near the offset, printable ASCII only; never the whole body. */
    public static String excerpt(HttpResponse response, long offset) {
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
