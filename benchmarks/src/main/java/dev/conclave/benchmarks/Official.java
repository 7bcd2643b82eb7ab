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

/** The official client (com.twilio.sdk:twilio) set up for the benchmarks: pointed at loopback, or answered from memory. */
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

    /**
     * A client over a canned transport: each request is made ready to send as the official {@code NetworkHttpClient}
     * makes it (its Apache request, the authorization and other headers, the form encoded to bytes), then answered
     * with {@code status} and {@code body}.
     */
    static Answering answering(String accountSid, int status, byte[] body) {
        Answering answering = new Answering(status, body);
        answering.client = new TwilioRestClient.Builder(accountSid, "benchmark-token").httpClient(answering).build();
        return answering;
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

    /** Encodes each request as the official client does on the wire, keeps its body, and answers from memory. */
    static final class Answering extends HttpClient {
        private final int status;
        private final byte[] answer;
        private TwilioRestClient client;
        private byte[] body;

        Answering(int status, byte[] answer) {
            this.status = status;
            this.answer = answer;
        }

        @Override
        public Response makeRequest(Request request) {
            // The steps of NetworkHttpClient.makeRequest up to sending; a form only for a POST.
            HttpUriRequestBase base = HttpClient.createHttpUriRequestBase(request);
            if (request.requiresAuthentication()) {
                base.addHeader(org.apache.hc.core5.http.HttpHeaders.AUTHORIZATION, request.getAuthString());
            }
            request.getHeaderParams().forEach((name, values) -> values.forEach(value -> base.addHeader(name, value)));
            if (request.getMethod() == com.twilio.http.HttpMethod.POST) {
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
            }
            // As NetworkHttpClient answers: the body as a stream, which Response reads into its String.
            return new Response(new java.io.ByteArrayInputStream(answer), status);
        }

        /** The client that sends through this one. */
        TwilioRestClient client() {
            return client;
        }

        /** The form body of the last POST, as it would have gone on the wire. */
        byte[] lastBody() {
            return body;
        }
    }
}
