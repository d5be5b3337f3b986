// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

/** XML 1.0 escaping for text and attribute values, shared by the JUnit and HTML renderers. */
final class XmlText {

    private XmlText() {
    }

    /**
     * {@code s} safe inside an element or a quoted attribute: {@code & < > " '} as entities, line breaks and tabs
     * as character references when {@code attribute} (so parsers keep them), and characters XML 1.0 forbids
     * (NUL and other controls, lone surrogates, U+FFFE/U+FFFF) as U+FFFD.
     */
    static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append(attribute ? "&#13;" : "\n");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String text(String s) {
        return escape(s, false);
    }

    static String attr(String s) {
        return escape(s, true);
    }
}
