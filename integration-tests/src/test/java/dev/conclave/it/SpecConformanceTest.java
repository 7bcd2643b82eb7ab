package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.ConclaveClient;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.emulator.RecordedExchange;
import dev.conclave.emulator.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The check that holds the suite's traffic against the definition does catch what breaks it: real exchanges, taken
 * from an emulator and then spoiled one field at a time, are each reported with the field named; and the one
 * declared exception lets through exactly the {@code null} it is for.
 */
@Timeout(60)
class SpecConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<RecordedExchange> seen = new CopyOnWriteArrayList<>();
    private static ParticipantEmulator emulator;
    private static ConclaveClient client;
    private static String conference;
    private static String callSid;

    private final SpecConformance check = new SpecConformance();

    @BeforeAll
    static void start() {
        emulator = ParticipantEmulator.builder().exchangeListener(seen::add).start();
        client = ConclaveClient.builder().credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(emulator.baseUri()).transport("apache").build();
        callSid = client.participants().create(
                CreateParticipantRequest.builder("checked-room", "+15555550100", "+15555550111").build()).callSid();
        conference = emulator.conferenceSid("checked-room").orElseThrow();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static RecordedExchange exchange(Runnable call) {
        seen.clear();
        call.run();
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    private static RecordedExchange withResponse(RecordedExchange exchange, Consumer<ObjectNode> spoil)
            throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(exchange.responseBody());
        spoil.accept(body);
        return new RecordedExchange(exchange.request(), exchange.responseContentType(), JSON.writeValueAsBytes(body));
    }

    private static RecordedExchange withRequest(RecordedExchange exchange, String rawQuery, String body) {
        RecordedRequest r = exchange.request();
        return new RecordedExchange(new RecordedRequest(r.method(), r.rawPath(), rawQuery, r.headers(),
                body.getBytes(StandardCharsets.UTF_8), r.responseStatus(), r.fault()),
                exchange.responseContentType(), exchange.responseBody());
    }

    @Test
    void realExchangesOfEveryKindPass() {
        RecordedExchange create = exchange(() -> client.participants().create(
                CreateParticipantRequest.builder(conference, "+15555550100", "+15555550122").label("coach-1")
                        .muted(true).statusCallbackEvents(ParticipantCallbackEvent.RINGING, ParticipantCallbackEvent.ANSWERED).timeout(30).build()));
        RecordedExchange list = exchange(() -> client.participants().list(conference).pages().iterator().next());
        RecordedExchange conferenceFetch = exchange(() -> client.conferences().fetch(conference));
        for (RecordedExchange exchange : List.of(create, list, conferenceFetch)) {
            assertThat(check.check(exchange)).as(exchange.toString()).isEmpty();
        }
        assertThat(check.requests()).isEqualTo(3);
        assertThat(check.responses()).isEqualTo(3);
    }

    @Test
    void aResponseFieldOfTheWrongTypeOrValueIsCaught() throws IOException {
        RecordedExchange fetch = exchange(() -> client.participants().fetch(conference, callSid));
        assertThat(check.check(withResponse(fetch, body -> body.put("muted", "yes"))))
                .singleElement().asString().contains("/muted").contains("boolean");
        assertThat(check.check(withResponse(fetch, body -> body.put("status", "dancing"))))
                .anySatisfy(v -> assertThat(v).contains("/status").contains("dancing"));
        assertThat(check.check(withResponse(fetch, body -> body.put("call_sid", "CA-short"))))
                .anySatisfy(v -> assertThat(v).contains("/call_sid"));
    }

    @Test
    void aResponseFieldTheDefinitionDoesNotHaveIsCaught() throws IOException {
        RecordedExchange fetch = exchange(() -> client.participants().fetch(conference, callSid));
        assertThat(check.check(withResponse(fetch, body -> body.put("mood", "calm"))))
                .singleElement().asString().contains("mood");
    }

    @Test
    void aRequestFieldOfTheWrongTypeOrNameIsCaught() {
        RecordedExchange update = exchange(() -> client.participants().update(conference, callSid,
                UpdateParticipantRequest.builder().muted(true).build()));
        assertThat(check.check(withRequest(update, null, "Muted=maybe")))
                .singleElement().asString().contains("/Muted").contains("boolean");
        assertThat(check.check(withRequest(update, null, "Muted=true&Mutted=true")))
                .singleElement().asString().contains("Mutted");
        RecordedExchange list = exchange(() -> client.participants().list(conference).pages().iterator().next());
        assertThat(check.check(withRequest(list, "PageSize=0", "")))
                .anySatisfy(v -> assertThat(v).contains("PageSize"));
        assertThat(check.check(withRequest(list, "Mooted=true", "")))
                .anySatisfy(v -> assertThat(v).contains("Mooted"));
    }

    @Test
    void theDeclaredExceptionAllowsOnlyANullReasonWhileAConferenceIsInProgress() throws IOException {
        RecordedExchange fetch = exchange(() -> client.conferences().fetch(conference));
        assertThat(JSON.readTree(fetch.responseBody()).get("reason_conference_ended").isNull()).isTrue();
        assertThat(check.check(fetch)).isEmpty();
        SpecConformance withoutExceptions = new SpecConformance(ValidationErrorsWhitelist.create());
        assertThat(withoutExceptions.check(fetch))
                .allSatisfy(v -> assertThat(v).contains("/reason_conference_ended").contains("null"))
                .isNotEmpty();
        assertThat(check.check(withResponse(fetch, body -> body.put("reason_conference_ended", "bored"))))
                .singleElement().asString().contains("/reason_conference_ended").contains("bored");
    }

    @Test
    void anOffSpecRequestDeclaredAsSuchIsSetApartNotCounted() {
        SpecConformance suite = new SpecConformance();
        RecordedExchange update = exchange(() -> client.participants().update(conference, callSid,
                UpdateParticipantRequest.builder().hold(false).build()));
        List<String> declared = suite.offSpec(() -> suite.accept(withRequest(update, null, "Hold=perhaps")));
        assertThat(declared).singleElement().asString().contains("/Hold");
        assertThat(suite.violations()).isEmpty();
        suite.accept(withRequest(update, null, "Hold=perhaps"));
        assertThat(suite.violations()).hasSize(1);
        assertThat(suite.offSpecCaught()).isEqualTo(1);
        assertThat(suite.requests()).isEqualTo(2);
    }
}
