// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The executor's own queries, kept as resource files next to this package; values come pre-quoted. */
final class FixSql {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");
    /** Resources as read: the guards render them before every database and BACKUP step. */
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private FixSql() {
    }

    static String render(String name, Map<String, String> values) {
        String path = "/dev/milink/sqlserver/fix/" + name;
        String text = CACHE.computeIfAbsent(path, FixSql::load);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException(path + " needs {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    private static String load(String path) {
        try (InputStream in = FixSql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
