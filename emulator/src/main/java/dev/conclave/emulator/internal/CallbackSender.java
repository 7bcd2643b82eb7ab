package dev.conclave.emulator.internal;

import dev.conclave.internal.discovery.Endpoints;
import dev.conclave.emulator.SentCallback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends the emulator's status callbacks, signed as Twilio signs them, one at a time in the order they happened,
 * on one daemon thread. Only loopback URLs are called (localhost, 127.x.x.x, ::1, decided without DNS, never
 * through a proxy): the emulator never sends traffic off this machine; any other URL is recorded as refused. Each
 * delivery is bounded by a 2 s connect timeout and 5 s in all, and at most 10,000 wait; more are dropped.
 */
public final class CallbackSender implements AutoCloseable {
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), task -> {
                Thread thread = new Thread(task, "emulator-callbacks");
                thread.setDaemon(true);
                return thread;
            });
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "emulator-callbacks-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<SentCallback> journal;

    /** Creates a sender that records every attempt in {@code journal}. */
    public CallbackSender(Consumer<SentCallback> journal) {
        this.journal = journal;
    }

    /**
     * Queues one callback.
     *
     * @param url where to send it, as the create gave it
     * @param method {@code POST} (the default) or {@code GET}
     * @param parameters the parameters, in order
     * @param authToken the account's auth token, the signing key
     */
    public void send(String url, String method, List<Map.Entry<String, String>> parameters, String authToken) {
        try {
            worker.execute(() -> deliver(url, method == null ? "POST" : method, parameters, authToken));
        } catch (RejectedExecutionException closedOrFull) {
            journal.accept(new SentCallback(url, method == null ? "POST" : method, parameters, "", -1,
                    "not sent: the emulator is closing or 10,000 callbacks are already waiting"));
        }
    }

    private void deliver(String url, String method, List<Map.Entry<String, String>> parameters, String authToken) {
        String form = encode(parameters);
        boolean get = method.equalsIgnoreCase("GET");
        String target = get ? url + (url.indexOf('?') < 0 ? '?' : '&') + form : url;
        String signature = sign(authToken, target, get ? List.of() : parameters);
        String refusal = refusal(target);
        if (refusal != null) {
            journal.accept(new SentCallback(target, method, parameters, signature, -1, refusal));
            return;
        }
        HttpURLConnection connection = null;
        try {
            // Never through a proxy: a JVM-wide proxy setting would carry the callback off this machine.
            connection = (HttpURLConnection) URI.create(target).toURL().openConnection(Proxy.NO_PROXY);
            HttpURLConnection open = connection;
            // The read timeout bounds each read; this bounds the whole delivery, however slowly a receiver trickles.
            watchdog.schedule(open::disconnect, 5, TimeUnit.SECONDS);
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(get ? "GET" : "POST");
            connection.setRequestProperty("X-Twilio-Signature", signature);
            connection.setRequestProperty("User-Agent", "TwilioProxy/1.1 (conclave-emulator)");
            if (!get) {
                byte[] body = form.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (in != null) {
                    in.readNBytes(64 * 1024);
                }
            }
            journal.accept(new SentCallback(target, method, parameters, signature, status, null));
        } catch (IOException | IllegalArgumentException failed) {
            journal.accept(new SentCallback(target, method, parameters, signature, -1, failed.toString()));
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** Why a URL is not called, or null if it may be: only http(s) to a loopback address. */
    private static String refusal(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "not sent: only http and https callbacks are supported";
            }
            if (uri.getHost() == null) {
                return "not sent: the URL has no host";
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            // Decided without DNS, in the spellings the JDK also exempts from proxies: localhost, 127.x.x.x, ::1.
            return Endpoints.isLoopback(host) ? null : "not sent: the emulator calls loopback addresses only (localhost, 127.0.0.0/8, "
                    + "::1), not " + host;
        } catch (IllegalArgumentException malformed) {
            return "not sent: " + malformed;
        }
    }

    private static String encode(List<Map.Entry<String, String>> parameters) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> pair : parameters) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(Forms.encode(pair.getKey())).append('=').append(Forms.encode(pair.getValue()));
        }
        return form.toString();
    }

    /** Twilio's signature: HMAC-SHA1 over the URL and the parameters sorted by name, then value. */
    static String sign(String authToken, String url, List<Map.Entry<String, String>> parameters) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(parameters);
        sorted.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, String> pair : sorted) {
            data.append(pair.getKey()).append(pair.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA1 is not available", unavailable);
        }
    }

    /** Stops taking callbacks; those queued get up to two seconds to go out. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

}
