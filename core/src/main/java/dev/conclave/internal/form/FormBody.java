package dev.conclave.internal.form;

import dev.conclave.model.WireValue;
import java.net.URI;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an {@code application/x-www-form-urlencoded} body or query string in the order fields are added.
 * Unset ({@code null}) values and empty lists are skipped; booleans are {@code true}/{@code false}; a list
 * becomes one repeated key per value.
 */
public final class FormBody {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** The ASCII characters a form value keeps as they are: {@code A-Z a-z 0-9 * - . _}. */
    private static final boolean[] KEPT = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            KEPT[c] = true;
            KEPT[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            KEPT[c] = true;
        }
        KEPT['*'] = true;
        KEPT['-'] = true;
        KEPT['.'] = true;
        KEPT['_'] = true;
    }

    /**
     * A field name, encoded once: the spec's names are constants, and encoding each of them again for every
     * request was about half the characters of a create's form.
     */
    public static final class Name {
        private final String text;
        private final byte[] encoded;

        private Name(String text, byte[] encoded) {
            this.text = text;
            this.encoded = encoded;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A field name, form-encoded now.
     *
     * @param name the name on the wire, e.g. {@code StatusCallbackEvent}
     * @return the name, to pass to {@code add}
     */
    public static Name name(String name) {
        FormBody body = new FormBody();
        body.encode(name);
        return new Name(name, body.bytes());
    }

    // Encoded straight into bytes: the body is ASCII once percent-encoded, and a create's 20-odd fields
    // otherwise cost a StringBuilder, its String, and that String's bytes.
    private byte[] buffer = new byte[512];
    private int length;

    /**
     * Adds {@code name=value}, form-encoded (space as {@code +}, everything but {@code A-Z a-z 0-9 * - . _} as
     * {@code %XX} of its UTF-8 bytes); nothing when the value is {@code null}.
     *
     * @return this body
     */
    public FormBody add(Name name, String value) {
        if (value != null) {
            if (length > 0) {
                append('&');
            }
            byte[] encoded = name.encoded;
            ensure(encoded.length);
            System.arraycopy(encoded, 0, buffer, length, encoded.length);
            length += encoded.length;
            append('=');
            encode(value);
        }
        return this;
    }

    private void encode(String value) {
        int size = value.length();
        // Room for ASCII, at most %XX per char; a non-ASCII char makes more room when it comes, rather than
        // reserving the worst case (9 bytes per char) for every value, which grew and copied the buffer.
        ensure(size * 3);
        byte[] out = buffer;
        int at = length;
        for (int i = 0; i < size; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                if (KEPT[c]) {
                    out[at++] = (byte) c;
                } else if (c == ' ') {
                    out[at++] = '+';
                } else {
                    at = percent(out, at, c);
                }
                continue;
            }
            // Up to 12 bytes for this char (and the next, if a surrogate pair), 3 for each one after it.
            length = at;
            ensure(12 + 3 * (size - i));
            out = buffer;
            if (c < 0x800) {
                at = percent(out, at, 0xC0 | (c >> 6));
                at = percent(out, at, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < size && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                at = percent(out, at, 0xF0 | (codePoint >> 18));
                at = percent(out, at, 0x80 | ((codePoint >> 12) & 0x3F));
                at = percent(out, at, 0x80 | ((codePoint >> 6) & 0x3F));
                at = percent(out, at, 0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate is no character: sent as '?', as String.getBytes would.
                at = percent(out, at, '?');
            } else {
                at = percent(out, at, 0xE0 | (c >> 12));
                at = percent(out, at, 0x80 | ((c >> 6) & 0x3F));
                at = percent(out, at, 0x80 | (c & 0x3F));
            }
        }
        length = at;
    }

    private static int percent(byte[] out, int at, int b) {
        out[at] = '%';
        out[at + 1] = HEX[b >> 4];
        out[at + 2] = HEX[b & 0xF];
        return at + 3;
    }

    private void append(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    public FormBody add(Name name, Boolean value) {
        return add(name, value == null ? null : value.toString());
    }

    /** Adds an integer in decimal unless null. */
    public FormBody add(Name name, Integer value) {
        return add(name, value == null ? null : value.toString());
    }

    /** Adds a URI as its string form unless null (an empty URI is sent as an empty value). */
    public FormBody add(Name name, URI value) {
        return add(name, value == null ? null : value.toString());
    }

    /** Adds a day as {@code YYYY-MM-DD} unless null. */
    public FormBody add(Name name, LocalDate value) {
        return add(name, value == null ? null : value.toString());
    }

    /** Adds a value's wire text unless null. */
    public FormBody add(Name name, WireValue value) {
        return add(name, value == null ? null : value.value());
    }

    /** Adds one field per list element, in list order. */
    public FormBody addAll(Name name, List<? extends WireValue> values) {
        for (WireValue value : values) {
            add(name, value);
        }
        return this;
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return length == 0;
    }

    /** The encoded text, e.g. {@code From=%2B15550001&Muted=true}. */
    public String text() {
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** The encoded bytes (ASCII). */
    public byte[] bytes() {
        return Arrays.copyOf(buffer, length);
    }
}
