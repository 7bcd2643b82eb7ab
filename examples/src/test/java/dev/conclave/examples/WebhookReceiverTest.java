package dev.conclave.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WebhookReceiverTest {
    @Test
    void theQuickstartFlowsCallbacksAreAllVerifiedAndPrinted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WebhookReceiver.Tally tally = WebhookReceiver.demo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(tally.rejected()).isZero();
        assertThat(tally.verified()).isGreaterThanOrEqualTo(10);
        assertThat(output).contains("initiated", "ringing", "answered", "conference-start", "participant-join",
                "participant-unmute", "participant-unhold", "completed")
                .contains("Verified " + tally.verified() + " callbacks, rejected 0.");
    }

    @Test
    void aForgedCallbackIsRefusedWith403() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WebhookReceiver receiver = WebhookReceiver.start("the-real-token",
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            HttpURLConnection forged = (HttpURLConnection) receiver.statusCallbackUri().toURL().openConnection();
            forged.setRequestMethod("POST");
            forged.setDoOutput(true);
            forged.setRequestProperty("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl");
            forged.getOutputStream().write("CallSid=CA1&CallStatus=completed".getBytes(StandardCharsets.UTF_8));
            assertThat(forged.getResponseCode()).isEqualTo(403);
            forged.disconnect();
            assertThat(receiver.tally()).isEqualTo(new WebhookReceiver.Tally(0, 1));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("REJECTED /status: SIGNATURE_MISMATCH");
    }
}
