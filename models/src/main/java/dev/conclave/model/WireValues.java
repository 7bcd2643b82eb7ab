package dev.conclave.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Index of a value type's known constants by their wire text. */
final class WireValues {
    private WireValues() {
    }

    static <T extends WireValue> Map<String, T> index(List<T> known) {
        Map<String, T> byValue = new HashMap<>();
        for (T value : known) {
            byValue.put(value.value(), value);
        }
        return Map.copyOf(byValue);
    }
}
