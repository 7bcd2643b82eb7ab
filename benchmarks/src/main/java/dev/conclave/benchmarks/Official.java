package dev.conclave.benchmarks;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** The official client (com.twilio.sdk:twilio) set up for the benchmarks: pointed at loopback, or capturing. */
final class Official {
    private static final String TWILIO = "https://api.twilio.com";

    private Official() {
    }

    /** A client whose requests go to {@code base} (the emulator) instead of api.twilio.com, over its own HTTP stack. */
    static TwilioRestClient pointedAt(URI base, String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new Loopback(new NetworkHttpClient(), base.toString()))
                .build();
    }

    /** A client that encodes each request's form as the official client does on the wire, then stops. */
    static Capturing capturing(String accountSid) {
        Capturing capture = new Capturing();
        capture.client = new TwilioRestClient.Builder(accountSid, "benchmark-token").httpClient(capture).build();
        return capture;
    }

    /** Wraps the official HTTP client, rewriting https://api.twilio.com to the loopback server. */
    private static final class Loopback extends HttpClient {
        private final NetworkHttpClient network;
        private final String base;

        Loopback(NetworkHttpClient network, String base) {
            this.network = network;
            this.base = base;
        }

        @Override
        public Response makeRequest(Request request) {
            String url = request.getUrl();
            if (!url.startsWith(TWILIO)) {
                throw new IllegalStateException("not a Twilio API URL: " + url);
            }
            Request local = new Request(request.getMethod(), base + url.substring(TWILIO.length()));
            if (request.getAuthStrategy() != null) {
                local.setAuth(request.getAuthStrategy());
            }
            if (request.getUsername() != null) {
                local.setAuth(request.getUsername(), request.getPassword());
            }
            copy(request.getQueryParams(), local::addQueryParam);
            copy(request.getPostParams(), local::addPostParam);
            copy(request.getHeaderParams(), local::addHeaderParam);
            return network.makeRequest(local);
        }

        private static void copy(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
            from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
        }
    }

    /** Captures the form body the official client would send, and ends the call with {@link #CAPTURED}. */
    static final class Capturing extends HttpClient {
        /** Thrown to stop the call once its body is encoded; no stack trace, so throwing it costs little. */
        static final RuntimeException CAPTURED = new RuntimeException("captured", null, false, false) {
            private static final long serialVersionUID = 1L;
        };
        TwilioRestClient client;
        byte[] body;

        @Override
        public Response makeRequest(Request request) {
            // The steps of NetworkHttpClient.makeRequest that make the body of a form POST.
            HttpUriRequestBase base = HttpClient.createHttpUriRequestBase(request);
            List<NameValuePair> pairs = new ArrayList<>();
            request.getPostParams().forEach((name, values) -> values.forEach(value ->
                    pairs.add(new BasicNameValuePair(name, value))));
            base.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
            HttpEntity entity = base.getEntity();
            try {
                body = EntityUtils.toByteArray(entity);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
            throw CAPTURED;
        }
    }
}
