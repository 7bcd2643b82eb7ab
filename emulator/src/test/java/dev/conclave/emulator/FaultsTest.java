package dev.conclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each fault as it looks on the wire (raw sockets), and the injector's scripting and seeded draws. */
@Timeout(30)
class FaultsTest {
    private ParticipantEmulator emulator;
    private String conference;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.start();
        conference = emulator.createConference("faults");
        emulator.seedParticipants(conference, 3);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** What came back on one connection for one GET of the listing: all bytes until close, and how it ended. */
    private record Received(String text, boolean reset, long millis) {
        int declaredLength() {
            String marker = "content-length: ";
            int at = text.toLowerCase().indexOf(marker);
            return at < 0 ? -1 : Integer.parseInt(text.substring(at + marker.length(), text.indexOf('\r', at)).trim());
        }

        String body() {
            int at = text.indexOf("\r\n\r\n");
            return at < 0 ? "" : text.substring(at + 4);
        }
    }

    private Received list() throws IOException {
        String auth = Base64.getEncoder().encodeToString((emulator.accountSid() + ':' + emulator.authToken())
                .getBytes(StandardCharsets.UTF_8));
        String request = "GET /2010-04-01/Accounts/" + emulator.accountSid() + "/Conferences/" + conference
                + "/Participants.json HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                + "\r\nConnection: close\r\n\r\n";
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            boolean reset = false;
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes.write(buffer, 0, n);
                }
            } catch (SocketException connectionReset) {
                reset = true;
            }
            return new Received(bytes.toString(StandardCharsets.UTF_8), reset, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void faultsThatAnswerInsteadOfTheApi() throws IOException {
        emulator.faults().script(Route.LIST, 1, Fault.status(429, 7)).script(Route.LIST, 1, Fault.htmlPage(502))
                .script(Route.LIST, 1, Fault.reply(200, "application/json", "{\"participants\": 5}".getBytes(
                        StandardCharsets.UTF_8)));
        Received throttled = list();
        assertThat(throttled.text()).startsWith("HTTP/1.1 429").containsIgnoringCase("retry-after: 7")
                .contains("\"code\":20429");
        Received html = list();
        assertThat(html.text()).startsWith("HTTP/1.1 502").containsIgnoringCase("content-type: text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>");
        assertThat(list().body()).isEqualTo("{\"participants\": 5}");
        assertThat(list().text()).as("scripts used up: the API answers").startsWith("HTTP/1.1 200")
                .contains("\"participants\":[");
        assertThat(emulator.faults().injected()).containsEntry("STATUS 429", 1).containsEntry("HTML_PAGE 502", 1)
                .containsEntry("REPLY 200", 1);
        assertThat(emulator.journal()).extracting(RecordedRequest::fault).containsSubsequence("STATUS 429",
                "HTML_PAGE 502", "REPLY 200", null);
    }

    @Test
    void faultsThatSpoilTheApisResponse() throws IOException {
        emulator.faults().script(Route.LIST, 1, Fault.resetBeforeResponse())
                .script(Route.LIST, 1, Fault.resetMidBody())
                .script(Route.LIST, 1, Fault.truncatedBody())
                .script(Route.LIST, 1, Fault.malformedJson())
                .script(Route.LIST, 1, Fault.delay(Duration.ofMillis(400)));
        Received reset = list();
        assertThat(reset.text()).isEmpty();
        assertThat(reset.reset()).isTrue();

        Received midBody = list();
        assertThat(midBody.text()).startsWith("HTTP/1.1 200");
        assertThat(midBody.body().length()).isPositive().isLessThan(midBody.declaredLength());
        assertThat(midBody.reset()).isTrue();

        Received truncated = list();
        assertThat(truncated.body().length()).isPositive().isLessThan(truncated.declaredLength());
        assertThat(truncated.reset()).as("an orderly close").isFalse();

        Received malformed = list();
        assertThat(malformed.body().getBytes(StandardCharsets.UTF_8)).hasSize(malformed.declaredLength());
        assertThat(malformed.body()).contains("\u0000,]}{\"");

        Received late = list();
        assertThat(late.millis()).isGreaterThanOrEqualTo(380);
        assertThat(late.body()).contains("\"participants\":[");
        assertThat(emulator.journal().stream().filter(r -> r.fault() != null).map(RecordedRequest::responseStatus))
                .containsExactly(-1, 200, 200, 200, 200);
    }

    @Test
    void aTrickledBodyArrivesWholeButSlowly() throws IOException {
        emulator.faults().script(Route.ANY, 1, Fault.trickle(Duration.ofMillis(1)));
        Received slow = list();
        assertThat(slow.body().getBytes(StandardCharsets.UTF_8)).hasSize(slow.declaredLength());
        assertThat(slow.millis()).as("about 1 ms per byte").isGreaterThanOrEqualTo(slow.declaredLength() / 2);
    }

    @Test
    void scriptsApplyToTheirRouteInOrder() {
        FaultInjector faults = new FaultInjector();
        faults.script(Route.CREATE, 2, Fault.status(503)).script(Route.ANY, 1, Fault.status(500));
        assertThat(faults.next("GET", "/x/Participants.json", null, new byte[0]).label()).isEqualTo("STATUS 500");
        assertThat(faults.next("GET", "/x/Participants.json", null, new byte[0])).isNull();
        assertThat(faults.next("POST", "/x/Participants.json", null, new byte[0]).label()).isEqualTo("STATUS 503");
        assertThat(faults.scriptedRemaining()).isEqualTo(1);
        assertThat(faults.next("POST", "/x/Participants.json", null, new byte[0]).label()).isEqualTo("STATUS 503");
        assertThat(faults.next("POST", "/x/Participants.json", null, new byte[0])).isNull();
        assertThat(faults.injectedCount()).isEqualTo(3);
        assertThatThrownBy(() -> faults.script(Route.ANY, 0, Fault.status(500))).hasMessageContaining("count");
        assertThatThrownBy(() -> Fault.status(200)).hasMessageContaining("status");
    }

    @Test
    void theSameSeedAndRequestsGiveTheSameFaultsWhateverTheOrder() {
        List<Fault> mix = List.of(Fault.status(500), Fault.status(503), Fault.resetMidBody());
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            requests.add("/2010-04-01/Accounts/AC1/Conferences/CF1/Participants/p" + (i % 100) + ".json");
        }
        List<String> forward = draws(new FaultInjector().random(42, 0.25, mix), requests);
        List<String> again = draws(new FaultInjector().random(42, 0.25, mix), requests);
        assertThat(again).isEqualTo(forward);
        long spoiled = forward.stream().filter(f -> !f.equals("-")).count();
        assertThat(spoiled).as("about a quarter of 400").isBetween(60L, 140L);
        assertThat(draws(new FaultInjector().random(43, 0.25, mix), requests)).isNotEqualTo(forward);

        // Each path is asked 4 times; asked in reverse order, the n-th asking of a path gets the same fault.
        List<String> reversed = new ArrayList<>(requests);
        java.util.Collections.reverse(reversed);
        assertThat(byAsking(reversed, draws(new FaultInjector().random(42, 0.25, mix), reversed)))
                .isEqualTo(byAsking(requests, forward));
    }

    /** Each draw keyed by the path and how many times that path had been asked. */
    private static java.util.Map<String, String> byAsking(List<String> paths, List<String> draws) {
        java.util.Map<String, Integer> asked = new java.util.HashMap<>();
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            out.put(paths.get(i) + '#' + asked.merge(paths.get(i), 1, Integer::sum), draws.get(i));
        }
        return out;
    }

    private static List<String> draws(FaultInjector faults, List<String> paths) {
        List<String> out = new ArrayList<>();
        for (String path : paths) {
            Fault fault = faults.next("GET", path, null, new byte[0]);
            out.add(fault == null ? "-" : fault.label());
        }
        return out;
    }
}
