package dev.conclave.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of HTTP header fields. Names are matched case-insensitively; the original
 * spelling and order are kept for the wire.
 *
 * <p>Values may not contain CR or LF: such a value is refused with {@link IllegalArgumentException}, so that a
 * label or suffix supplied by a user can never split a header.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());

    private final List<Map.Entry<String, String>> fields;

    private HttpHeaders(List<Map.Entry<String, String>> fields) {
        this.fields = fields;
    }

    /** {@return the empty header list} */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Builds headers from alternating names and values, e.g. {@code of("Accept", "application/json")}.
     *
     * @param namesAndValues header names, each followed by its value, in wire order
     * @return the headers
     * @throws IllegalArgumentException if the count is odd or a name or value is invalid
     */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers: expected name/value pairs, got an odd count");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** {@return a new, empty builder} */
    public static Builder builder() {
        return new Builder(new ArrayList<>());
    }

    /** {@return a builder that starts with these headers} */
    public Builder toBuilder() {
        return new Builder(new ArrayList<>(fields));
    }

    /**
     * The first value of the named header, if present (name matched case-insensitively).
     *
     * @param name the header name, in any case
     * @return the first value, or empty if the header is absent
     */
    public Optional<String> first(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Every value of the named header, in order; empty if absent.
     *
     * @param name the header name, matched case-insensitively
     * @return the values in wire order, unmodifiable
     */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                values.add(field.getValue());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Whether the named header is present.
     *
     * @param name the header name, matched case-insensitively
     * @return {@code true} if at least one field has this name
     */
    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** {@return every field in wire order, as immutable name/value entries} */
    public List<Map.Entry<String, String>> asList() {
        return fields;
    }

    /**
     * Calls {@code action} with each name and value in wire order.
     *
     * @param action called once per field with its name and value
     */
    public void forEach(BiConsumer<String, String> action) {
        for (Map.Entry<String, String> field : fields) {
            action.accept(field.getKey(), field.getValue());
        }
    }

    /** {@return the number of fields} */
    public int size() {
        return fields.size();
    }

    /** Lists header names only: values may hold credentials and are never printed. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HttpHeaders[");
        for (int i = 0; i < fields.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(fields.get(i).getKey());
        }
        return text.append(']').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpHeaders that && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** Collects header fields; not thread-safe. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> fields;

        private Builder(List<Map.Entry<String, String>> fields) {
            this.fields = fields;
        }

        /**
         * Appends a field, keeping any earlier one of the same name.
         *
         * @param name the header name, an HTTP token
         * @param value the value; not {@code null}, without CR, LF or NUL
         * @return this builder
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
         */
        public Builder add(String name, String value) {
            fields.add(Map.entry(checkName(name), checkValue(name, value)));
            return this;
        }

        /**
         * Replaces every field of this name (case-insensitively) with one field.
         *
         * @param name the header name, an HTTP token
         * @param value the value; not {@code null}, without CR, LF or NUL
         * @return this builder
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
         */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /**
         * Removes every field of this name (case-insensitively).
         *
         * @param name the header name, in any case
         * @return this builder
         */
        public Builder remove(String name) {
            fields.removeIf(field -> field.getKey().equalsIgnoreCase(name));
            return this;
        }

        /** {@return the immutable headers} */
        public HttpHeaders build() {
            return fields.isEmpty() ? EMPTY : new HttpHeaders(List.copyOf(fields));
        }

        /** The characters of an HTTP token (RFC 9110): visible ASCII but the separators. */
        private static final boolean[] TOKEN = new boolean[128];

        static {
            for (char c = 0x21; c < 0x7f; c++) {
                TOKEN[c] = "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            }
        }

        private static String checkName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("header name: must not be empty");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c >= 128 || !TOKEN[c]) {
                    throw new IllegalArgumentException(
                            "header name '" + name + "': only visible ASCII without separators is allowed");
                }
            }
            return name;
        }

        private static String checkValue(String name, String value) {
            if (value == null) {
                throw new IllegalArgumentException("header " + name + ": value must not be null");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException(
                            "header " + name + ": CR, LF and NUL are not allowed in a header value");
                }
            }
            return value;
        }
    }

}
