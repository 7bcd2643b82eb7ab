package dev.conclave.codegen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spec's Markdown descriptions into Javadoc text: back-quoted code becomes {@code {@code ...}},
 * links become {@code <a href>}, and what Javadoc would read as markup ({@code < > & @ { }}) is escaped.
 */
final class Javadoc {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)");

    private Javadoc() {
    }

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text = markdown.strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('`', at);
            int close = open < 0 ? -1 : text.indexOf('`', open + 1);
            if (open < 0 || close < 0) {
                out.append(prose(text.substring(at)));
                break;
            }
            out.append(prose(text.substring(at, open)));
            out.append(code(text.substring(open + 1, close)));
            at = close + 1;
        }
        return out.toString();
    }

    /** A value's text as inline code. */
    static String code(String value) {
        int depth = 0;
        for (int i = 0; i < value.length() && depth >= 0; i++) {
            depth += value.charAt(i) == '{' ? 1 : value.charAt(i) == '}' ? -1 : 0;
        }
        // {@code} shows its text as it is, so only unbalanced braces or a comment end need the HTML form.
        return depth == 0 && !value.contains("*/") && !value.isBlank() ? "{@code " + value + "}"
                : "<code>" + escape(value) + "</code>";
    }

    private static String prose(String text) {
        Matcher link = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (link.find()) {
            out.append(escape(text.substring(at, link.start())));
            out.append("<a href=\"").append(link.group(2)).append("\">").append(escape(link.group(1))).append("</a>");
            at = link.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("{", "&#123;").replace("}", "&#125;").replace("*/", "*&#47;");
    }
}
