package dev.conclave.codegen;

import java.util.Locale;

/** Java names from wire names. */
final class Naming {
    private Naming() {
    }

    /**
     * {@code StatusCallback} or {@code status_callback} to {@code statusCallback}; a list filter's bound
     * {@code DateCreated<} (sent as {@code DateCreated<=}) to {@code dateCreatedOnOrBefore}, {@code >} to
     * {@code ...OnOrAfter}.
     */
    static String lowerCamel(String wire) {
        if (wire.endsWith("<")) {
            return lowerCamel(wire.substring(0, wire.length() - 1)) + "OnOrBefore";
        }
        if (wire.endsWith(">")) {
            return lowerCamel(wire.substring(0, wire.length() - 1)) + "OnOrAfter";
        }
        StringBuilder out = new StringBuilder(wire.length());
        boolean upper = false;
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c == '_' || c == '-' || c == ' ') {
                upper = true;
            } else if (out.length() == 0) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code onEnter}, {@code in-progress} or {@code DetectMessageEnd} to {@code ON_ENTER}, {@code IN_PROGRESS}... */
    static String constant(String wire) {
        StringBuilder out = new StringBuilder(wire.length() + 8);
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                out.append('_');
            } else {
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(wire.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(Character.toUpperCase(c));
            }
        }
        String name = out.toString();
        return Character.isDigit(name.charAt(0)) ? "V" + name : name.toUpperCase(Locale.ROOT);
    }

    /** {@code muted} to {@code Muted}. */
    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
