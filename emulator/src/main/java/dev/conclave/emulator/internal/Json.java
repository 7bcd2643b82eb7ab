package dev.conclave.emulator.internal;

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

    /** A conference in the spec's order ({@code api.v2010.account.conference}). */
    static void conference(JsonGenerator json, Conference c) throws IOException {
        String uri = "/2010-04-01/Accounts/" + c.accountSid + "/Conferences/" + c.sid;
        json.writeStartObject();
        json.writeStringField("account_sid", c.accountSid);
        json.writeStringField("date_created", RFC_2822.format(c.dateCreated));
        json.writeStringField("date_updated", RFC_2822.format(c.dateUpdated));
        json.writeStringField("api_version", "2010-04-01");
        json.writeStringField("friendly_name", c.friendlyName);
        json.writeStringField("region", "us1");
        json.writeStringField("sid", c.sid);
        json.writeStringField("status", c.status());
        json.writeStringField("uri", uri + ".json");
        json.writeObjectFieldStart("subresource_uris");
        json.writeStringField("participants", uri + "/Participants.json");
        json.writeStringField("recordings", uri + "/Recordings.json");
        json.writeEndObject();
        json.writeStringField("reason_conference_ended", c.reasonEnded);
        json.writeStringField("call_sid_ending_conference", c.callSidEnding);
        json.writeEndObject();
    }

    /** A conference recording in the spec's order ({@code api.v2010.account.conference.conference_recording}). */
    static void recording(JsonGenerator json, Conference c, RecordingRecord r) throws IOException {
        json.writeStartObject();
        json.writeStringField("account_sid", c.accountSid);
        json.writeStringField("api_version", "2010-04-01");
        json.writeStringField("call_sid", r.callSid);
        json.writeStringField("conference_sid", c.sid);
        json.writeStringField("date_created", RFC_2822.format(r.dateCreated));
        json.writeStringField("date_updated", RFC_2822.format(r.dateUpdated));
        json.writeStringField("start_time", RFC_2822.format(r.dateCreated));
        json.writeStringField("duration", r.duration == null ? null : String.valueOf(r.duration));
        json.writeStringField("sid", r.sid);
        json.writeStringField("price", null);
        json.writeStringField("price_unit", "USD");
        json.writeStringField("status", r.status);
        json.writeNumberField("channels", 1);
        json.writeStringField("source", "Conference");
        json.writeNullField("error_code");
        json.writeNullField("encryption_details");
        json.writeStringField("uri", "/2010-04-01/Accounts/" + c.accountSid + "/Conferences/" + c.sid + "/Recordings/"
                + r.sid + ".json");
        json.writeEndObject();
    }

    /** A list response: the paging fields and the items under {@code itemsField}, each written by {@code item}. */
    static <T> byte[] page(String itemsField, List<T> items, PageFields fields, Item<T> item) {
        return write(512 + 700 * items.size(), json -> {
            json.writeStartObject();
            json.writeNumberField("end", fields.end());
            json.writeStringField("first_page_uri", fields.firstPageUri());
            json.writeStringField("next_page_uri", fields.nextPageUri());
            json.writeNumberField("page", fields.page());
            json.writeNumberField("page_size", fields.pageSize());
            json.writeStringField("previous_page_uri", fields.previousPageUri());
            json.writeArrayFieldStart(itemsField);
            for (T each : items) {
                item.write(json, each);
            }
            json.writeEndArray();
            json.writeNumberField("start", fields.start());
            json.writeStringField("uri", fields.uri());
            json.writeEndObject();
        });
    }

    /** Writes one item of a page. */
    interface Item<T> {
        void write(JsonGenerator json, T item) throws IOException;
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
