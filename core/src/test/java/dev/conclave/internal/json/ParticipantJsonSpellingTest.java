package dev.conclave.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpResponse;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder reads predictable values (repeated SIDs, known statuses, dates in Twilio's form, URIs shaped like the
 * previous one) straight from the body's bytes. Whatever way the JSON spells a value (escaped characters, an
 * escaped slash, non-ASCII characters, values that look like the prediction but are longer, shorter or differ,
 * other date forms, spaces between tokens), the decoded participant must be the one that was written: pages of
 * random participants, each value spelled at random, compared field by field with what was generated.
 */
class ParticipantJsonSpellingTest {
    private static final DateTimeFormatter TWILIO = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.US);
    private static final DateTimeFormatter ONE_DIGIT_DAY = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);
    private static final String[] STATUSES = {"queued", "connecting", "ringing", "connected", "complete", "failed",
        "connect", "connectedx", "Connected", "complete\u00e9", "held"};

    private final Random random = new Random(20261125);

    @Test
    void everySpellingOfEveryValueDecodesToWhatWasWritten() throws Exception {
        int predictedShapes = 0;
        for (int pageNumber = 0; pageNumber < 300; pageNumber++) {
            List<Participant> written = new ArrayList<>();
            String account = sid("AC");
            String conference = sid("CF");
            int size = 1 + random.nextInt(20);
            for (int i = 0; i < size; i++) {
                if (random.nextInt(10) == 0) {
                    account = random.nextBoolean() ? sid("AC") : null;
                }
                if (random.nextInt(10) == 0) {
                    conference = random.nextInt(3) == 0 ? "CF\u00e9" + sid("") : sid("CF");
                }
                written.add(participant(account, conference));
            }
            StringBuilder json = new StringBuilder("{").append(space()).append("\"page_size\":").append(space())
                    .append(written.size()).append(",\"participants\":").append(space()).append('[');
            for (int i = 0; i < written.size(); i++) {
                json.append(i == 0 ? "" : ",").append(space());
                write(json, written.get(i));
                if (written.get(i).uri() != null && written.get(i).callSid() != null
                        && written.get(i).uri().endsWith(written.get(i).callSid() + ".json")) {
                    predictedShapes++;
                }
            }
            json.append("]}");
            byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
            HttpResponse response = HttpResponse.of(200, HttpHeaders.of(), body);

            assertThat(ParticipantJson.page(response, null).participants()).as(json.toString())
                    .containsExactlyElementsOf(written);
            for (Participant participant : written) {
                StringBuilder one = new StringBuilder(space());
                write(one, participant);
                assertThat(ParticipantJson.participant(HttpResponse.of(200, HttpHeaders.of(),
                        one.toString().getBytes(StandardCharsets.UTF_8)))).isEqualTo(participant);
            }
        }
        assertThat(predictedShapes).as("URIs of the predicted shape written").isGreaterThan(1_500);
    }

    @Test
    void aBodyInUtf16IsReadByItsCharactersNotByItsBytes() {
        // In UTF-16 the label's characters U+4122 U+636F ... are the bytes of "connected" with its quotes: reading
        // the bytes at the status's char offset would find them there.
        String json = "{\"label\":\"xxxxxx\u4122\u636f\u6e6e\u6563\u7465\u6422\",\"status\":\"ringing\"}";
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            Participant decoded = ParticipantJson.participant(HttpResponse.of(200, HttpHeaders.of(),
                    json.getBytes(charset)));
            assertThat(decoded.status()).as(charset.name()).isSameAs(ParticipantStatus.RINGING);
            assertThat(decoded.label()).isEqualTo("xxxxxx\u4122\u636f\u6e6e\u6563\u7465\u6422");
        }
    }

    private Participant participant(String account, String conference) {
        String call = random.nextInt(15) == 0 ? null : random.nextInt(15) == 0 ? "CA\u00e9" + sid("") : sid("CA");
        String uri;
        int shape = random.nextInt(14);
        String prefix = "/2010-04-01/Accounts/" + account + "/Conferences/" + conference + "/Participants/";
        if (shape == 0) {
            uri = null;
        } else if (shape == 1) {
            uri = prefix + call + ".jsonx";
        } else if (shape == 2) {
            uri = prefix + sid("CA") + ".json";
        } else if (shape == 3) {
            uri = prefix.substring(1) + call + ".json";
        } else if (shape == 4) {
            uri = "/2010-04-01/Accounts/" + account + "/Conferences/" + sid("CF") + "/Participants/" + call + ".json";
        } else if (shape == 5) {
            uri = prefix + call + ".JSON";
        } else if (shape == 6 && call != null) {
            // As long in bytes as the predicted URI when one of its characters is written as an escape (\\u0061).
            uri = prefix + call.substring(0, call.length() - 5) + ".json";
        } else {
            uri = prefix + call + ".json";
        }
        Instant created = Instant.ofEpochSecond(1_500_000_000L + random.nextInt(400_000_000));
        Instant updated = random.nextInt(10) == 0 ? null : created.plusSeconds(random.nextInt(100_000));
        String status = STATUSES[random.nextInt(STATUSES.length)];
        return new Participant(account, call, random.nextBoolean() ? "agent \"" + random.nextInt(99) + "\"" : null,
                null, random.nextBoolean(), conference, created, updated, false, random.nextBoolean(), false, true,
                random.nextInt(12) == 0 ? null : ParticipantStatus.of(status), String.valueOf(random.nextInt(5000)),
                uri);
    }

    private void write(StringBuilder json, Participant p) {
        List<String> fields = new ArrayList<>();
        fields.add(field("account_sid", p.accountSid()));
        fields.add(field("call_sid", p.callSid()));
        fields.add(field("label", p.label()));
        fields.add(field("call_sid_to_coach", p.callSidToCoach()));
        fields.add("\"coaching\":" + space() + p.coaching());
        fields.add(field("conference_sid", p.conferenceSid()));
        fields.add(field("date_created", date(p.dateCreated())));
        fields.add(field("date_updated", date(p.dateUpdated())));
        fields.add("\"end_conference_on_exit\":" + p.endConferenceOnExit());
        fields.add("\"muted\":" + p.muted());
        fields.add("\"hold\":" + p.hold());
        fields.add("\"start_conference_on_enter\":" + p.startConferenceOnEnter());
        fields.add(field("status", p.status() == null ? null : p.status().value()));
        fields.add(field("queue_time", p.queueTime()));
        fields.add(field("uri", p.uri()));
        if (random.nextInt(6) == 0) {
            // Another order, and a field Conclave does not know: read through the decoder's slower path.
            fields.add(random.nextInt(fields.size()), "\"unknown\":" + space() + "{\"uri\":\"x\",\"status\":[1]}");
            java.util.Collections.shuffle(fields, random);
        }
        json.append('{').append(String.join(",", fields)).append(space()).append('}');
    }

    private String date(Instant instant) {
        if (instant == null) {
            return null;
        }
        int form = random.nextInt(4);
        if (form == 0) {
            return ONE_DIGIT_DAY.format(instant.atOffset(ZoneOffset.UTC));
        }
        ZoneOffset zone = form == 1 ? ZoneOffset.ofHoursMinutes(-5, -30) : ZoneOffset.UTC;
        return TWILIO.format(instant.atOffset(zone));
    }

    private String field(String name, String value) {
        StringBuilder json = new StringBuilder(space()).append('"').append(name).append("\":").append(space());
        if (value == null) {
            return json.append("null").toString();
        }
        // Most values plain, as Twilio writes them; some with escaped characters, one at random or all of them.
        int spelling = random.nextInt(8);
        int escaped = spelling == 0 ? random.nextInt(value.length() + 1) : -1;
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (i == escaped || spelling == 1) {
                json.append(String.format("\\u%04x", (int) c));
            } else if (c == '/' && spelling == 2) {
                json.append("\\/");
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private String space() {
        return random.nextInt(4) == 0 ? " \n\t".substring(0, 1 + random.nextInt(3)) : "";
    }

    private String sid(String prefix) {
        StringBuilder sid = new StringBuilder(prefix);
        for (int i = 0; i < 32; i++) {
            sid.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sid.toString();
    }
}
