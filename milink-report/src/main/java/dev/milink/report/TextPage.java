// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text report's output with its width and colour choice: styling, word wrapping, terminal column widths and
 * control-character escaping.
 */
final class TextPage {

    // a fleet's report wraps 100,000s of lines: lines and words are split by hand (a regex split was 4 % of a
    // 1,000-instance run's CPU, docs/benchmarks.md); only the rare ANSI-styled lead uses a pattern
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

    private final Writer out;
    private final RenderOptions options;

    TextPage(Writer out, RenderOptions options) {
        this.out = out;
        this.options = options;
    }

    int columns() {
        return options.width();
    }

    String style(String sgr, String text) {
        return options.color() ? sgr + text + Ansi.RESET : text;
    }

    void line(String s) throws IOException {
        out.write(s);
        out.write('\n');
    }

    void blank() throws IOException {
        out.write('\n');
    }

    /** {@code label} in dim, then {@code text} wrapped with a hanging indent under the text. */
    void labeled(String at, String label, String text) throws IOException {
        String hanging = at + " ".repeat(width(label));
        String lead = at + style(Ansi.DIM, label.stripTrailing()) + " ".repeat(label.length()
                - label.stripTrailing().length());
        wrapped(lead, hanging, text, null);
    }

    /**
     * Writes {@code text} after {@code lead} (whose visible width is its length without ANSI sequences),
     * wrapping at the page width; continuation lines start with {@code hanging}. Line breaks in the text
     * are kept.
     */
    void wrapped(String lead, String hanging, String text, String sgr) throws IOException {
        String prefix = lead;
        for (String paragraph : lines(text == null ? "" : text)) {
            int available = Math.max(20, options.width() - visibleWidth(prefix));
            List<String> lines = wrap(clean(paragraph), available, Math.max(20, options.width() - width(hanging)));
            for (String l : lines) {
                line(prefix + (sgr == null ? l : style(sgr, l)));
                prefix = hanging;
            }
        }
    }

    /** {@code text} split at {@code \n} and {@code \r\n}, empty lines kept (a lone {@code \r} is not a break). */
    static List<String> lines(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        while (nl >= 0) {
            int end = nl > from && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            out.add(text.substring(from, end));
            from = nl + 1;
            nl = text.indexOf('\n', from);
        }
        out.add(text.substring(from));
        return out;
    }

    private static int visibleWidth(String s) {
        return width(s.indexOf('\u001b') < 0 ? s : SGR.matcher(s).replaceAll(""));
    }

    /** Greedy word wrap; a word longer than a line (a path, a thumbprint) gets a line of its own. */
    static List<String> wrap(String text, int first, int rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentWidth = 0;
        int limit = first;
        String t = text.trim(); // no leading or trailing spaces: every run of spaces separates two words
        int start = 0;
        while (start < t.length()) {
            int end = t.indexOf(' ', start);
            if (end < 0) {
                end = t.length();
            }
            String word = t.substring(start, end);
            start = end;
            while (start < t.length() && t.charAt(start) == ' ') {
                start++;
            }
            int w = width(word);
            if (current.isEmpty()) {
                current.append(word);
                currentWidth = w;
            } else if (currentWidth + 1 + w <= limit) {
                current.append(' ').append(word);
                currentWidth += 1 + w;
            } else {
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
                currentWidth = w;
                limit = rest;
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /** Shows control characters (ESC, CR, BEL…) as {@code \x1B}, so untrusted names cannot drive the terminal. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && !control(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s; // nothing to show differently (the common case)
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                b.append(' ');
            } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                b.append(String.format("\\x%02X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static boolean control(char c) {
        return c == '\t' || c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }

    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    /**
     * Terminal columns {@code s} takes: East Asian wide letters (CJK, Hangul, full-width forms) take two,
     * combining marks none, so columns stay aligned for databases named in Japanese or Korean.
     */
    static int width(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x300) { // combining marks start at U+0300, wide scripts later: count them properly
                return s.codePoints().map(TextPage::columns).sum();
            }
        }
        return s.length(); // the usual case, measured hot in a 1,000-instance fleet report (docs/benchmarks.md)
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /** ANSI SGR sequences; used only through {@link TextPage#style}. */
    static final class Ansi {
        static final String BOLD = "\u001b[1m";
        static final String DIM = "\u001b[2m";
        static final String RED = "\u001b[31m";
        static final String GREEN = "\u001b[32m";
        static final String YELLOW = "\u001b[33m";
        static final String MAGENTA = "\u001b[35m";
        static final String CYAN = "\u001b[36m";
        static final String RESET = "\u001b[0m";

        private Ansi() {
        }
    }
}
