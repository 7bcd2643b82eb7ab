package dev.conclave.internal.chain;

import dev.conclave.http.HttpResponse;
import dev.conclave.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Sets {@code User-Agent: conclave-java/<version> (<os> <arch>) java/<version>}, plus the user's suffix.
 */
public final class UserAgentStep implements Interceptor {
    private final String userAgent;

    /**
     * Builds the user agent once.
     *
     * @param suffix appended after a space, or {@code null}
     * @throws IllegalArgumentException if the suffix holds CR, LF or other control characters
     */
    public UserAgentStep(String suffix) {
        String base = "conclave-java/" + version() + " (" + System.getProperty("os.name") + ' '
                + System.getProperty("os.arch") + ") java/" + System.getProperty("java.version");
        if (suffix != null) {
            for (int i = 0; i < suffix.length(); i++) {
                if (Character.isISOControl(suffix.charAt(i))) {
                    throw new IllegalArgumentException(
                            "userAgentSuffix: must not contain CR, LF or other control characters");
                }
            }
        }
        this.userAgent = suffix == null || suffix.isBlank() ? base : base + ' ' + suffix.trim();
    }

    /** The full header value. */
    public String userAgent() {
        return userAgent;
    }

    /** Conclave's version, from the build. */
    public static String version() {
        try (InputStream in = UserAgentStep.class.getResourceAsStream("/dev/conclave/conclave-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> intercept(Chain chain) {
        return chain.proceed(chain.request().withHeader("User-Agent", userAgent));
    }
}
