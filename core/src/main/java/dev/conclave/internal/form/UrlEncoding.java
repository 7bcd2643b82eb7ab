package dev.conclave.internal.form;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for URL path segments. */
public final class UrlEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoding() {
    }

    /**
     * A path argument that is free text (a label, or a SID where the spec gives no pattern), checked before it is
     * percent-encoded: present, not empty, and without CR, LF or NUL, which no such value can hold.
     *
     * @param field the argument's name, for the message
     * @param what what it may be, for the message, e.g. {@code a call SID (CA...) or a label}
     * @throws IllegalArgumentException naming the field if the value is null, empty or holds CR, LF or NUL
     */
    public static String requireText(String field, String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required: " + what);
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0) {
            throw new IllegalArgumentException(field + ": CR, LF and NUL are not allowed (" + what
                    + " cannot contain them)");
        }
        return value;
    }

    /**
     * Encodes a whole path segment: everything but RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
     * becomes {@code %XX} of its UTF-8 bytes, so a label with {@code /}, {@code ?}, {@code #}, {@code %},
     * {@code +} or a space stays one segment. The dot segments {@code .} and {@code ..} become {@code %2E} and
     * {@code %2E%2E}, so that no proxy that normalises paths takes them for "here" and "up".
     */
    public static String pathSegment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.length() == 1 ? "%2E" : "%2E%2E";
        }
        int length = value.length();
        StringBuilder out = new StringBuilder(length + 16);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (isAlphaNumeric(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else if (c < 0x80) {
                appendByte(out, c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < length ? i + 2 : i + 1;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendByte(out, b & 0xFF);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
}
