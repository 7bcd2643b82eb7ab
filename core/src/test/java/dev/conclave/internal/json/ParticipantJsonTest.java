package dev.conclave.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.DecodingException;
import dev.conclave.http.HttpHeaders;
import dev.conclave.http.HttpResponse;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.ParticipantStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParticipantJsonTest {
    private static final String FULL = "{\"account_sid\":\"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"call_sid\":\"CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"label\":\"customer\","
            + "\"call_sid_to_coach\":null,\"coaching\":false,\"conference_sid\":\"CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"date_created\":\"Fri, 18 Feb 2011 21:07:19 +0000\",\"date_updated\":\"Sat, 5 Mar 2011 01:02:03 +0000\","
            + "\"end_conference_on_exit\":false,\"muted\":true,\"hold\":false,\"start_conference_on_enter\":true,"
            + "\"status\":\"queued\",\"queue_time\":\"1000\",\"uri\":\"/2010-04-01/x.json\"}";

    private static HttpResponse json(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Twilio-Request-Id", "RQ123"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesEveryField() {
        Participant p = ParticipantJson.participant(json(201, FULL));
        assertThat(p.accountSid()).isEqualTo("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(p.callSid()).isEqualTo("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(p.label()).isEqualTo("customer");
        assertThat(p.callSidToCoach()).isNull();
        assertThat(p.coaching()).isFalse();
        assertThat(p.conferenceSid()).isEqualTo("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(p.dateCreated()).isEqualTo(Instant.parse("2011-02-18T21:07:19Z"));
        assertThat(p.dateUpdated()).isEqualTo(Instant.parse("2011-03-05T01:02:03Z"));
        assertThat(p.endConferenceOnExit()).isFalse();
        assertThat(p.muted()).isTrue();
        assertThat(p.hold()).isFalse();
        assertThat(p.startConferenceOnEnter()).isTrue();
        assertThat(p.status()).isSameAs(ParticipantStatus.QUEUED);
        assertThat(p.queueTime()).isEqualTo("1000");
        assertThat(p.uri()).isEqualTo("/2010-04-01/x.json");
    }

    @Test
    void toleratesUnknownFieldsNullsAndNewStatuses() {
        Participant p = ParticipantJson.participant(json(200, "{\"new_field\":{\"deep\":[1,2,{\"x\":null}]},"
                + "\"call_sid\":null,\"muted\":null,\"status\":\"transferring\",\"hold\":\"true\","
                + "\"label\":42,\"coaching\":[true],\"extra\":[]}"));
        assertThat(p.callSid()).isNull();
        assertThat(p.muted()).isNull();
        assertThat(p.status().value()).isEqualTo("transferring");
        assertThat(p.status().isKnown()).isFalse();
        assertThat(p.hold()).isTrue();
        assertThat(p.label()).isEqualTo("42");
        assertThat(p.coaching()).isNull();
        assertThat(ParticipantJson.participant(json(200, "{}")).callSid()).isNull();
    }

    @Test
    void decodesAPageAndSkipsNullElements() {
        ParticipantPage page = page(json(200, "{\"participants\":[" + FULL + ",null," + FULL + "],"
                + "\"page\":1,\"page_size\":2,\"start\":2,\"end\":3,\"uri\":\"/u\",\"first_page_uri\":\"/f\","
                + "\"next_page_uri\":null,\"previous_page_uri\":\"/p\",\"unknown\":true}"));
        assertThat(page.participants()).hasSize(2);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.pageSize()).isEqualTo(2);
        assertThat(page.start()).isEqualTo(2);
        assertThat(page.end()).isEqualTo(3);
        assertThat(page.uri()).isEqualTo("/u");
        assertThat(page.firstPageUri()).isEqualTo("/f");
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.previousPageUri()).isEqualTo("/p");
    }

    @Test
    void repeatedSidsAreSharedAndAChangedOneIsReadAsSent() {
        // Account and conference SIDs are matched against the previous participant's: a page whose values change
        // (A, A, B, A, a longer one, a shorter one, null) must still give each participant its own.
        String[] accounts = {"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null};
        String[] statuses = {"connect", "connected", "Connected", "complete", "completed", "", "queued"};
        StringBuilder body = new StringBuilder("{\"participants\":[");
        for (int i = 0; i < accounts.length; i++) {
            String account = accounts[i] == null ? "null" : "\"" + accounts[i] + "\"";
            body.append(i == 0 ? "" : ",").append(FULL.replace("\"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", account)
                    .replace("CFaaaa", "CF" + i + "aaa").replace("\"queued\"", "\"" + statuses[i] + "\""));
        }
        ParticipantPage page = page(json(200, body.append("]}").toString()));

        assertThat(page.participants()).extracting(Participant::accountSid).containsExactly(accounts);
        assertThat(page.participants()).extracting(Participant::conferenceSid).allSatisfy(
                sid -> assertThat(sid).hasSize(34)).doesNotHaveDuplicates();
        assertThat(page.participants().get(1).accountSid()).isSameAs(page.participants().get(0).accountSid());
        assertThat(page.participants()).extracting(p -> p.status() == null ? null : p.status().value())
                .containsExactly("connect", "connected", "Connected", "complete", "completed", null, "queued");
        assertThat(page.participants().get(1).status()).isSameAs(ParticipantStatus.CONNECTED);
        assertThat(page.participants().get(0).status().isKnown()).isFalse();
        assertThat(page.participants().get(4).status().isKnown()).isFalse();
    }

    @Test
    void aPageSizeThatDoesNotMatchThePageDoesNotChangeWhatIsDecoded() {
        // page_size sizes the list before the participants are read: a wrong one (absurd, negative, a string, or
        // after the participants) must not matter.
        String participant = FULL;
        for (String pageSize : new String[] {"2147483647", "-5", "0", "\"x\"", "null", "1"}) {
            for (boolean before : new boolean[] {true, false}) {
                String field = "\"page_size\":" + pageSize;
                String participants = "\"participants\":[" + participant + "," + participant + "," + participant + "]";
                ParticipantPage page = page(json(200, "{" + (before ? field + "," + participants
                        : participants + "," + field) + "}"));
                assertThat(page.participants()).as(pageSize).hasSize(3)
                        .allSatisfy(p -> assertThat(p.callSid()).isEqualTo("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
            }
        }
    }

    @Test
    void cutShortJsonIsADecodingErrorAtEveryCut() {
        byte[] whole = ("{\"participants\":[" + FULL + "],\"next_page_uri\":null}").getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut < whole.length - 1; cut += 7) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            HttpResponse response = HttpResponse.of(200, HttpHeaders.of("Twilio-Request-Id", "RQ9"), part);
            assertThatThrownBy(() -> page(response))
                    .as("cut at %d", cut)
                    .isInstanceOf(DecodingException.class)
                    .satisfies(e -> assertThat(((DecodingException) e).requestId()).isEqualTo("RQ9"));
        }
    }

    @Test
    void notAnObjectOrHtmlIsADecodingErrorWithAnExcerpt() {
        assertThatThrownBy(() -> ParticipantJson.participant(json(200, "<html><body>Bad gateway</body></html>")))
                .isInstanceOf(DecodingException.class).hasMessageContaining("<html>").hasMessageContaining("HTTP 200");
        assertThatThrownBy(() -> ParticipantJson.participant(json(200, "[1,2]")))
                .isInstanceOf(DecodingException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ParticipantJson.participant(json(200, "")))
                .isInstanceOf(DecodingException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> page(json(200, "{\"participants\":\"many\"}")))
                .isInstanceOf(DecodingException.class).hasMessageContaining("not an array");
        assertThatThrownBy(() -> ParticipantJson.participant(json(200, "{\"date_created\":\"yesterday\"}")))
                .isInstanceOf(DecodingException.class).hasMessageContaining("date_created");
    }

    @Test
    void excerptIsShortAndPrintable() {
        String huge = "{\"x\":\"" + "a".repeat(10_000) + "\u0001";
        assertThatThrownBy(() -> ParticipantJson.participant(json(200, huge)))
                .isInstanceOf(DecodingException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void aPageDecodesEachParticipantAsASingleDecodeDoesEscapesAndNonAsciiIncluded() {
        String odd = FULL.replace("\"customer\"", "\"caf\u00e9 \\\"q\\\" \\u00e9\\n\"")
                .replace("\"/2010-04-01/x.json\"", "\"\\/2010-04-01\\/x.json\"")
                .replace("\"call_sid_to_coach\":null", "\"call_sid_to_coach\":\"CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"")
                .replace("\"Sat, 5 Mar 2011 01:02:03 +0000\"", "\"Sat, 05 Mar 2011 01:02:03 GMT\"")
                .replace("\"1000\"", "\"\"");
        ParticipantPage page = page(json(200, "{\"participants\":[" + FULL + "," + odd + "]}"));

        assertThat(page.participants()).containsExactly(ParticipantJson.participant(json(200, FULL)),
                ParticipantJson.participant(json(200, odd)));
        Participant second = page.participants().get(1);
        assertThat(second.label()).isEqualTo("caf\u00e9 \"q\" \u00e9\n");
        assertThat(second.uri()).isEqualTo("/2010-04-01/x.json");
        assertThat(second.callSidToCoach()).isEqualTo("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(second.dateUpdated()).isEqualTo(Instant.parse("2011-03-05T01:02:03Z"));
        assertThat(second.queueTime()).isEmpty();
        assertThat(page.participants().get(0).queueDuration()).contains(java.time.Duration.ofSeconds(1));
    }

    @Test
    void anUnreadableDateFailsThePageAndNamesTheFieldWhateverItsShape() {
        for (String notADate : new String[] {"yesterday", "Fri, 45 Feb 2011 21:07:19 +0000"}) {
            assertThatThrownBy(() -> page(json(200, "{\"participants\":["
                    + FULL.replace("Fri, 18 Feb 2011 21:07:19 +0000", notADate) + "]}")))
                    .isInstanceOf(DecodingException.class).hasMessageContaining("date_created")
                    .satisfies(e -> assertThat(((DecodingException) e).requestId()).isEqualTo("RQ123"));
            assertThatThrownBy(() -> ParticipantJson.participant(json(200, FULL.replace(
                    "Fri, 18 Feb 2011 21:07:19 +0000", notADate)))).isInstanceOf(DecodingException.class)
                    .hasMessageContaining("date_created");
        }
    }

    @Test
    void fieldsInAnotherOrderOrRepeatedAreStillRead() {
        String reordered = "{\"uri\":\"/u\",\"status\":\"ringing\",\"label\":\"a\",\"account_sid\":\"AC1\","
                + "\"label\":\"b\",\"muted\":true,\"call_sid\":\"CA1\"}";
        Participant p = ParticipantJson.participant(json(200, reordered));
        assertThat(p.uri()).isEqualTo("/u");
        assertThat(p.status()).isEqualTo(ParticipantStatus.RINGING);
        assertThat(p.label()).isEqualTo("b");
        assertThat(p.accountSid()).isEqualTo("AC1");
        assertThat(p.muted()).isTrue();
        assertThat(p.callSid()).isEqualTo("CA1");
    }

    private static ParticipantPage page(HttpResponse response) {
        return ParticipantJson.page(response, null);
    }
}
