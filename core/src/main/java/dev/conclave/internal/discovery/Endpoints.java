package dev.conclave.internal.discovery;

import java.net.URI;
import java.util.Locale;

/** Works out the API's base URI from a region and edge, and checks a base URI the user gives. */
public final class Endpoints {
    /** Twilio's default API base. */
    public static final URI DEFAULT = URI.create("https://api.twilio.com");

    private Endpoints() {
    }

    /**
     * The base URI for a region and edge: {@code api.{edge}.{region}.twilio.com}; an edge without a region
     * means {@code us1}; a region alone gives {@code api.{region}.twilio.com}; neither gives the default.
     *
     * @throws IllegalArgumentException if a name holds anything but lower-case letters, digits and dashes
     */
    public static URI forRegion(String region, String edge) {
        checkName("region", region);
        checkName("edge", edge);
        if (region == null && edge == null) {
            return DEFAULT;
        }
        String host = edge == null ? "api." + region + ".twilio.com"
                : "api." + edge + '.' + (region == null ? "us1" : region) + ".twilio.com";
        return URI.create("https://" + host);
    }

    /**
     * Checks a base URI: absolute, {@code https}, or {@code http} only to a loopback host (an emulator or a
     * local proxy), no query or fragment. Returns it without a trailing slash.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static URI checkBaseUri(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            // The URI itself is not echoed: it could carry user info (credentials).
            throw new IllegalArgumentException("baseUri: must be an absolute http(s) URI with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("baseUri: scheme must be https (or http to loopback), got " + scheme);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("baseUri: plain http is refused except to loopback "
                    + "(127.0.0.0/8, ::1, localhost), because credentials would cross the network in clear; got host "
                    + uri.getHost());
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUri: must not have user info, a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** Whether a host name or literal is loopback, decided without a DNS lookup. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String field, String value) {
        if (value != null && !value.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(field + ": must be a lower-case name such as "
                    + (field.equals("region") ? "us1, ie1 or au1" : "ashburn, dublin or sydney") + ", got '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }
}
