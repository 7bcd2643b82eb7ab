package dev.conclave.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The listing floor: Apache HttpClient 5 alone, on one kept-alive connection, reading each page's bytes and
 * finding its {@code next_page_uri} by a byte search; no JSON is parsed and no participant is made. What a client
 * that decodes adds to a listing is its time beyond this one's.
 */
final class RawApache implements AutoCloseable {
    private static final byte[] NEXT = "\"next_page_uri\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CALL = "\"call_sid\":".getBytes(StandardCharsets.US_ASCII);

    // Everything Conclave's Apache transport turns off is off here too, so that the floor does no work it skips.
    private final CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries()
            .disableContentCompression().disableCookieManagement().disableRedirectHandling().disableAuthCaching()
            .disableConnectionState().disableDefaultUserAgent().build();
    private final String base;
    private final String accountSid;
    private final String authorization;

    RawApache(URI base, String accountSid, String authToken) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.accountSid = accountSid;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((accountSid + ':' + authToken)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads every page of a conference's participants.
     *
     * @param count whether to count the participants in the bytes (the set-up's check) rather than their bytes
     * @return the participants counted, or the bytes read
     */
    long listAll(String conferenceSid, int pageSize, boolean count) {
        String path = "/2010-04-01/Accounts/" + accountSid + "/Conferences/" + conferenceSid
                + "/Participants.json?PageSize=" + pageSize;
        long total = 0;
        for (int pages = 0; path != null; pages++) {
            if (pages > 100_000) {
                throw new IllegalStateException("more than 100,000 pages: the listing does not end");
            }
            byte[] page = get(path);
            total += count ? occurrences(page, CALL) : page.length;
            path = nextPage(page);
        }
        return total;
    }

    private byte[] get(String path) {
        HttpGet get = new HttpGet(base + path);
        get.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        try {
            return http.execute(get, response -> {
                if (response.getCode() != 200) {
                    throw new IllegalStateException("GET " + path + ": " + response.getCode());
                }
                return EntityUtils.toByteArray(response.getEntity());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next page's path, from the bytes after {@code "next_page_uri":}, or null on the last page. */
    private static String nextPage(byte[] page) {
        int at = indexOf(page, NEXT, 0);
        if (at < 0) {
            throw new IllegalStateException("no next_page_uri in the page");
        }
        int from = at + NEXT.length;
        while (page[from] == ' ') {
            from++;
        }
        if (page[from] != '"') {
            return null;
        }
        int to = from + 1;
        while (page[to] != '"') {
            to++;
        }
        return new String(page, from + 1, to - from - 1, StandardCharsets.US_ASCII).replace("\\/", "/");
    }

    private static long occurrences(byte[] page, byte[] what) {
        long found = 0;
        for (int at = indexOf(page, what, 0); at >= 0; at = indexOf(page, what, at + what.length)) {
            found++;
        }
        return found;
    }

    private static int indexOf(byte[] page, byte[] what, int from) {
        outer:
        for (int i = from; i <= page.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (page[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
