package dev.conclave.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.conclave.model.ConferenceStatusEvent;
import dev.conclave.model.ParticipantStatusEvent;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.webhook.FormParameters;
import dev.conclave.webhook.SignatureCheck;
import dev.conclave.webhook.StatusCallbacks;
import dev.conclave.webhook.WebhookValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small status-callback receiver: a JDK {@code HttpServer} on 127.0.0.1 that checks each callback's
 * {@code X-Twilio-Signature}, answers 403 to any it cannot verify, and prints the verified ones as typed events.
 * {@link #main(String[])} runs the quickstart flow against the embedded emulator with this receiver as the
 * participants' and the conference's callback URL.
 *
 * <p>Behind a proxy or load balancer, validate against the public URL Twilio called (as configured on the
 * create), not the local one: the signature covers the URL.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** What the receiver saw. */
    public record Tally(int verified, int rejected) {
    }

    private final HttpServer server;
    private final WebhookValidator validator;
    private final PrintStream out;
    private final AtomicInteger verified = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    private WebhookReceiver(String authToken, PrintStream out) throws IOException {
        this.validator = WebhookValidator.of(authToken);
        this.out = out;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a receiver on a free loopback port.
     *
     * @param authToken the account's auth token, which signs the callbacks
     * @param out where verified events and rejections are printed
     * @return the running receiver; close it when done
     * @throws IOException if no port can be bound
     */
    public static WebhookReceiver start(String authToken, PrintStream out) throws IOException {
        return new WebhookReceiver(authToken, out);
    }

    /** The URL to give as a participant's {@code StatusCallback}. */
    public URI statusCallbackUri() {
        return URI.create(base() + "/status");
    }

    /** The URL to give as the {@code ConferenceStatusCallback}. */
    public URI conferenceCallbackUri() {
        return URI.create(base() + "/conference");
    }

    /** How many callbacks were verified and how many refused so far. */
    public Tally tally() {
        return new Tally(verified.get(), rejected.get());
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            String url = base() + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            SignatureCheck check = validator.validateForm(url, body,
                    exchange.getRequestHeaders().getFirst(WebhookValidator.SIGNATURE_HEADER));
            if (!check.isValid()) {
                rejected.incrementAndGet();
                print("REJECTED " + exchange.getRequestURI().getRawPath() + ": " + check.outcome() + " ("
                        + check.detail() + ")");
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            // A GET callback carries its parameters in the query (which the signature covered as part of the URL).
            boolean get = exchange.getRequestMethod().equalsIgnoreCase("GET");
            FormParameters form = FormParameters.parse(get ? query : body);
            String line;
            if (StatusCallbacks.isConferenceEvent(form)) {
                ConferenceStatusEvent event = StatusCallbacks.conferenceEvent(form);
                line = String.format("conference  #%-2s %-18s %s", event.sequenceNumber(), event.event(),
                        event.isParticipantEvent() ? event.participantLabel() + " (muted " + event.muted()
                                + ", hold " + event.hold() + ")" : event.friendlyName());
            } else {
                ParticipantStatusEvent event = StatusCallbacks.participantEvent(form);
                line = String.format("participant #%-2s %-18s %s (%s)", event.sequenceNumber(), event.event(),
                        event.callSid(), event.callStatus());
            }
            verified.incrementAndGet();
            print(line);
            exchange.sendResponseHeaders(204, -1);
        } catch (IllegalArgumentException unreadable) {
            rejected.incrementAndGet();
            print("REJECTED: " + unreadable.getMessage());
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println("   [webhook] " + line);
        }
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Runs the quickstart against the emulator with callbacks to a receiver, printing only what the receiver
     * sees, and waits (up to 10 seconds) for the emulator's callbacks to arrive.
     *
     * @param out where the receiver prints
     * @return what the receiver verified and refused
     * @throws IOException if the receiver cannot start
     */
    public static Tally demo(PrintStream out) throws IOException {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             WebhookReceiver receiver = start(emulator.authToken(), out)) {
            out.println("Receiving callbacks at " + receiver.statusCallbackUri() + " and "
                    + receiver.conferenceCallbackUri() + "; running the quickstart flow against " + emulator.baseUri());
            Quickstart.runOnEmulator(emulator, null, new PrintStream(OutputStream.nullOutputStream()),
                    receiver.statusCallbackUri(), receiver.conferenceCallbackUri());
            awaitQuiet(emulator);
            Tally tally = receiver.tally();
            out.println("Verified " + tally.verified() + " callbacks, rejected " + tally.rejected() + ".");
            return tally;
        }
    }

    /** Waits until no callback has been sent for 300 ms, or 10 seconds have passed. */
    private static void awaitQuiet(ParticipantEmulator emulator) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            int now = emulator.awaitSentCallbacks(Integer.MAX_VALUE, Duration.ofMillis(300)).size();
            if (now == seen) {
                return;
            }
            seen = now;
        }
    }

    /**
     * Runs {@link #demo(PrintStream)} on standard output.
     *
     * @param args ignored
     * @throws IOException if the receiver cannot start
     */
    public static void main(String[] args) throws IOException {
        demo(System.out);
    }
}
