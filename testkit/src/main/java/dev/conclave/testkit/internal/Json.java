package dev.conclave.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes the emulator's JSON with Jackson's streaming generator, fields in the spec's order. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** An instant as Twilio writes dates: {@code Tue, 24 Nov 2026 22:25:49 +0000}. */
    static String rfc2822(java.time.Instant instant) {
        return RFC_2822.format(instant);
    }

    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static byte[] write(int sizeHint, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    static byte[] error(int status, int code, String message) {
        return write(256, json -> {
            json.writeStartObject();
            json.writeNumberField("code", code);
            json.writeStringField("message", message);
            json.writeStringField("more_info", "https://www.twilio.com/docs/errors/" + code);
            json.writeNumberField("status", status);
            json.writeEndObject();
        });
    }

    static void participant(JsonGenerator json, Conference conference, ParticipantRecord p, String queueTime)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("account_sid", conference.accountSid);
        json.writeStringField("call_sid", p.callSid);
        json.writeStringField("label", p.label);
        json.writeStringField("call_sid_to_coach", p.callSidToCoach);
        json.writeBooleanField("coaching", p.coaching);
        json.writeStringField("conference_sid", conference.sid);
        json.writeStringField("date_created", RFC_2822.format(p.dateCreated));
        json.writeStringField("date_updated", RFC_2822.format(p.dateUpdated));
        json.writeBooleanField("end_conference_on_exit", p.endConferenceOnExit);
        json.writeBooleanField("muted", p.muted);
        json.writeBooleanField("hold", p.hold);
        json.writeBooleanField("start_conference_on_enter", p.startConferenceOnEnter);
        json.writeStringField("status", p.status());
        json.writeStringField("queue_time", queueTime);
        json.writeStringField("uri", "/2010-04-01/Accounts/" + conference.accountSid + "/Conferences/"
                + conference.sid + "/Participants/" + p.callSid + ".json");
        json.writeEndObject();
    }

    static byte[] participant(Conference conference, ParticipantRecord p, String queueTime) {
        return write(700, json -> participant(json, conference, p, queueTime));
    }

    record PageFields(int page, int pageSize, int start, int end, String uri, String firstPageUri,
                      String nextPageUri, String previousPageUri) {
    }

    private static final byte[] ARRAY = ",\"participants\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Appends {@code "name":"value"} (or {@code null}), the value quoted by Jackson's encoder. */
    private static StringBuilder stringField(StringBuilder text, String name, String value) {
        text.append('"').append(name).append("\":");
        if (value == null) {
            return text.append("null");
        }
        text.append('"');
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(value, text);
        return text.append('"');
    }

    static byte[] page(Conference conference, List<ParticipantRecord> participants, PageFields fields) {
        // The members in the order of the OpenAPI schema (ListParticipantResponse): the paging fields, then the
        // participants, each one's cached rendering, joined.
        // Written by hand: a generator per page (its buffers made afresh each time) was the emulator's largest cost
        // per page once the participants' JSON was cached.
        StringBuilder text = new StringBuilder(512).append("{\"end\":").append(fields.end()).append(',');
        stringField(text, "first_page_uri", fields.firstPageUri()).append(',');
        stringField(text, "next_page_uri", fields.nextPageUri()).append(',');
        text.append("\"page\":").append(fields.page()).append(",\"page_size\":").append(fields.pageSize()).append(',');
        stringField(text, "previous_page_uri", fields.previousPageUri()).append(',');
        text.append("\"start\":").append(fields.start()).append(',');
        stringField(text, "uri", fields.uri());
        byte[] head = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // One array of the exact size, filled in place: a growing stream zeroed a large buffer and then copied it,
        // which was most of the emulator's time per page in the listing benchmark's profile.
        byte[][] parts = new byte[participants.size()][];
        int size = head.length + ARRAY.length + Math.max(0, participants.size() - 1) + 2;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = participants.get(i).listedJson(conference);
            size += parts[i].length;
        }
        byte[] page = new byte[size];
        System.arraycopy(head, 0, page, 0, head.length);
        int at = head.length;
        System.arraycopy(ARRAY, 0, page, at, ARRAY.length);
        at += ARRAY.length;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                page[at++] = ',';
            }
            System.arraycopy(parts[i], 0, page, at, parts[i].length);
            at += parts[i].length;
        }
        page[at++] = ']';
        page[at] = '}';
        return page;
    }
}
