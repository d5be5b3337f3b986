// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The network test's T-SQL, kept in {@code .sql} resources so DBAs can review it without reading Java. Placeholders
 * {@code ${name}} are filled with text the caller has already quoted through {@link dev.milink.core.tsql.TSql}.
 * Leading {@code --} comment lines are dropped before the text is sent.
 */
final class SqlScripts {

    private static final String DIRECTORY = "/dev/milink/network/test/sql/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
    /** Scripts as read, comments dropped: a test renders some of them once per job, step or cleanup action. */
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlScripts() {
    }

    /** The script {@code name} with its placeholders replaced; a placeholder without a value is a bug. */
    static String render(String name, Map<String, String> values) {
        String text = CACHE.computeIfAbsent(name, SqlScripts::load);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(name + ": no value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    static String render(String name) {
        return render(name, Map.of());
    }

    private static String load(String name) {
        try (InputStream in = SqlScripts.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("missing T-SQL resource " + DIRECTORY + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return text.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
