// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private FixTemplates() {
    }

    /** Loads {@code fix/<checkId>/<name>} and fills its placeholders. */
    public static String render(String checkId, String name, Map<String, String> values) {
        String path = "fix/" + checkId + "/" + name;
        String text = CACHE.computeIfAbsent(path, FixTemplates::load);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + path + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
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
