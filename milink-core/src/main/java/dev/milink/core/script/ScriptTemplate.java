// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Script text kept in a resource file so DBAs can review it without reading Java: remediation templates under
 * {@code fix/<check-id>/<name>}, the fix executor's guards, the network test's T-SQL. The one loader and renderer
 * for all of them.
 *
 * <p>Placeholders are {@code {{name:syntax}}}: the value of {@code name} quoted by the named {@link Syntax}
 * ({@code tsql-name}, {@code tsql-string}, {@code powershell}, {@code shell}, {@code bicep}, {@code json},
 * {@code raw}), so one value can appear as an identifier and as a literal in the same script. A bare
 * {@code {{name}}} inserts a value the caller has already quoted. A placeholder without a value is an error, so
 * a script never ships half-filled.
 *
 * <pre>{@code
 * String sql = ScriptTemplate.fix("MIL-D6", "set-full-recovery.sql").render(Map.of("db", "Sales]Q1"));
 * // ALTER DATABASE {{db:tsql-name}} ... -> ALTER DATABASE [Sales]]Q1] ...
 * }</pre>
 *
 * @since 0.1
 */
public final class ScriptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)(?::([a-z-]+))?}}");
    /** Templates as read: fix plans and the network test render some of them once per database or job. */
    private static final Map<String, ScriptTemplate> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final String text;
    /**
     * The text split once into literal runs ({@code String}) and placeholders ({@link Slot}): a fleet renders the
     * same templates for every instance and database, and matching the placeholder pattern per render was a hot
     * spot of the client's CPU (docs/benchmarks.md).
     */
    private final List<Object> parts;

    /**
     * One placeholder: its name, its syntax's name and the syntax ({@code null} for none, or for an unknown name,
     * which fails on render as it always did), and the placeholder as written.
     */
    private record Slot(String name, String syntaxName, Syntax syntax, String written) {

        static Slot of(String name, String syntaxName, String written) {
            Syntax known = null;
            if (syntaxName != null) {
                for (Syntax s : Syntax.values()) {
                    if (s.templateName().equals(syntaxName)) {
                        known = s;
                    }
                }
            }
            return new Slot(name, syntaxName, known, written);
        }

        String fill(String value) {
            if (syntaxName == null) {
                return value;
            }
            return (syntax != null ? syntax : Syntax.ofTemplateName(syntaxName)).quote(value);
        }
    }

    private ScriptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
        List<Object> split = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                split.add(text.substring(at, m.start()));
            }
            split.add(Slot.of(m.group(1), m.group(2), m.group()));
            at = m.end();
        }
        if (at < text.length()) {
            split.add(text.substring(at));
        }
        this.parts = List.copyOf(split);
    }

    /** A template from text (tests, generated fragments); {@code name} is used in error messages. */
    public static ScriptTemplate of(String name, String text) {
        return new ScriptTemplate(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    }

    /** The remediation template {@code fix/<checkId>/<name>} bundled with milink-core. */
    public static ScriptTemplate fix(String checkId, String name) {
        return resource(ScriptTemplate.class, "/fix/" + checkId + "/" + name);
    }

    /**
     * A resource next to {@code anchor} (a relative path) or anywhere on its class path (a path starting with
     * {@code /}), read once as UTF-8 with line endings normalised to {@code \n}.
     */
    public static ScriptTemplate resource(Class<?> anchor, String path) {
        return CACHE.computeIfAbsent(anchor.getName() + ":" + path, key -> new ScriptTemplate(path, read(anchor, path)));
    }

    /** This template without its {@code --} comment lines and surrounding blank space (what is sent to a server). */
    public ScriptTemplate withoutCommentLines() {
        return new ScriptTemplate(name, text.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n")).strip());
    }

    /** The raw text, placeholders included. */
    public String text() {
        return text;
    }

    /** The text with every placeholder filled: {@code {{name:syntax}}} quoted, {@code {{name}}} as given. */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (Object part : parts) {
            if (part instanceof Slot slot) {
                String value = values.get(slot.name());
                if (value == null) {
                    throw new IllegalArgumentException("template " + name + " needs a value for " + slot.written());
                }
                out.append(slot.fill(value));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** The text of a template without placeholders. */
    public String render() {
        return render(Map.of());
    }

    private static String read(Class<?> anchor, String path) {
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no script template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script template " + path, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
