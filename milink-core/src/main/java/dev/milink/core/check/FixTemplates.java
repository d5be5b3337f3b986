// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remediation script text, kept as resource files under {@code fix/<check-id>/<name>} so DBAs can review them
 * without reading Java. Placeholders are {@code {{name}}}; callers pass values that are already quoted for the
 * target language (use {@link dev.milink.core.tsql.TSql} for T-SQL, {@link ScriptLiterals} for PowerShell and
 * shell). A placeholder without a value is an error, so a template never ships half-filled.
 *
 * @since 0.1
 */
public final class FixTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");
    /** Each template parsed once into literal text and placeholder names, alternating (literal first). */
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private FixTemplates() {
    }

    /** Loads {@code fix/<checkId>/<name>} and fills its placeholders. */
    public static String render(String checkId, String name, Map<String, String> values) {
        String path = "fix/" + checkId + "/" + name;
        List<String> parts = CACHE.computeIfAbsent(path, p -> split(load(p)));
        StringBuilder out = new StringBuilder(parts.getFirst().length() * 2);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
                continue;
            }
            String value = values.get(parts.get(i));
            if (value == null) {
                throw new IllegalArgumentException("template " + path + " needs a value for {{" + parts.get(i) + "}}");
            }
            out.append(value);
        }
        return out.toString();
    }

    /** {@code a {{x}} b} → {@code [a , x,  b]}: no regex per render (fix scripts are rendered for every finding). */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            parts.add(text.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(text.substring(at));
        return List.copyOf(parts);
    }

    private static String load(String path) {
        try (InputStream in = FixTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fix template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fix template " + path, e);
        }
    }
}
