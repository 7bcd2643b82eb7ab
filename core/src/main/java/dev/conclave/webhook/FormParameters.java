package dev.conclave.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a callback request, by name, each with its values in the order received. Immutable.
 *
 * <p>{@link #toString()} lists the names only: values are the caller's data, and a log line is no place for
 * them.
 */
public final class FormParameters {
    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body (or a query string): {@code +} is a space,
     * {@code %XX} sequences are UTF-8 bytes.
     *
     * @param encoded the body as received; {@code null} or empty for no parameters
     * @return the parameters
     * @throws IllegalArgumentException if a {@code %} escape is malformed
     */
    public static FormParameters parse(String encoded) {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
                parsed.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return of(parsed);
    }

    /**
     * Wraps parameters a web framework has already decoded. A {@code null} value counts as an empty one, as
     * Twilio's libraries sign it: a {@code null} list is one empty value, a {@code null} in a list an empty value.
     *
     * @param parameters values by name; copied
     * @return the parameters
     * @throws IllegalArgumentException if a name is {@code null}
     * @throws NullPointerException if {@code parameters} is {@code null}
     */
    public static FormParameters of(Map<String, ? extends List<String>> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, list) -> {
            if (name == null) {
                throw new IllegalArgumentException("form parameters: a parameter name is null (values: "
                        + (list == null ? 0 : list.size()) + ")");
            }
            List<String> values = new ArrayList<>(list == null ? 1 : list.size());
            if (list == null) {
                values.add("");
            } else {
                list.forEach(value -> values.add(value == null ? "" : value));
            }
            copy.put(name, List.copyOf(values));
        });
        return new FormParameters(Collections.unmodifiableMap(copy));
    }

    /**
     * The first value of the parameter, if present.
     *
     * @param name the parameter name, matched exactly (case-sensitively)
     * @return the first value, or empty if the parameter is absent or has no value
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * Every value of the parameter, in order; empty if absent.
     *
     * @param name the parameter name, matched exactly (case-sensitively)
     * @return the values, unmodifiable
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** {@return every parameter, in the order first received; unmodifiable} */
    public Map<String, List<String>> asMap() {
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("form parameters: malformed % escape in '" + abbreviate(text) + "'",
                    malformed);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormParameters that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The parameter names only. */
    @Override
    public String toString() {
        return "FormParameters" + values.keySet();
    }
}
