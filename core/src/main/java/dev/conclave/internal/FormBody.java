package dev.conclave.internal;

import dev.conclave.model.WireValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds an {@code application/x-www-form-urlencoded} body or query string in the order fields are added.
 * Unset ({@code null}) values and empty lists are skipped; booleans are {@code true}/{@code false}; a list
 * becomes one repeated key per value.
 */
public final class FormBody {
    private final StringBuilder text = new StringBuilder(256);

    /** Adds a text field unless {@code value} is null. */
    public FormBody add(String name, String value) {
        if (value != null) {
            if (text.length() > 0) {
                text.append('&');
            }
            UrlEncoding.appendForm(text, name).append('=');
            UrlEncoding.appendForm(text, value);
        }
        return this;
    }

    /** Adds a boolean as {@code true}/{@code false} unless null. */
    public FormBody add(String name, Boolean value) {
        return add(name, value == null ? null : value.toString());
    }

    /** Adds an integer in decimal unless null. */
    public FormBody add(String name, Integer value) {
        return add(name, value == null ? null : value.toString());
    }

    /** Adds a URI as its string form unless null (an empty URI is sent as an empty value). */
    public FormBody add(String name, URI value) {
        return add(name, value == null ? null : value.toString());
    }

    /** Adds a value's wire text unless null. */
    public FormBody add(String name, WireValue value) {
        return add(name, value == null ? null : value.value());
    }

    /** Adds one field per list element, in list order. */
    public FormBody addAll(String name, List<? extends WireValue> values) {
        for (WireValue value : values) {
            add(name, value);
        }
        return this;
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return text.length() == 0;
    }

    /** The encoded text, e.g. {@code From=%2B15550001&Muted=true}. */
    public String text() {
        return text.toString();
    }

    /** The encoded bytes (ASCII). */
    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
