// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import dev.milink.core.internal.Json;
import dev.milink.core.error.CoreError;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import dev.milink.core.io.BoundedFiles;
import dev.milink.core.model.Direction;
import dev.milink.core.model.SqlVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads {@link BuildReference} data: the copy bundled with milink, or a user file given with
 * {@code --build-reference FILE} (same format; see {@code buildref/sqlserver-builds.json}).
 *
 * <pre>{@code
 * BuildReference ref = file == null ? BuildReferences.bundled() : BuildReferences.load(file);
 * ref.stalenessNote(clock).ifPresent(report::addNote);
 * }</pre>
 *
 * <p>A user file is checked as strictly as the bundled one: every build needs a version, name, kind, release
 * date and (except RTM) a KB; versions ascend within a major version; every minimum names a listed build. Any
 * problem is a {@link MilinkException} with {@link ErrorCode#BUILD_REFERENCE_INVALID} and a one-line message
 * that names the file and the problem.
 *
 * @since 0.1
 */
public final class BuildReferences {

    /** Classpath location of the bundled data. */
    public static final String BUNDLED_RESOURCE = "buildref/sqlserver-builds.json";

    /** The one schema version of the file format this milink reads. */
    public static final int SCHEMA = 1;

    private BuildReferences() {
    }

    /** The data shipped with this milink version (parsed once). */
    public static BuildReference bundled() {
        return Bundled.INSTANCE;
    }

    /** Loads and validates a user file. */
    public static BuildReference load(Path file) {
        String name = file.toString();
        byte[] bytes = BoundedFiles.read(file, BoundedFiles.BUILD_REFERENCE_MAX, "build reference file",
                CoreError.BUILD_REFERENCE_INVALID);
        return parse(new java.io.ByteArrayInputStream(bytes), name);
    }

    /** Parses and validates data from a stream; {@code name} is used in error messages. */
    public static BuildReference parse(InputStream in, String name) {
        JsonNode root;
        try {
            root = Json.readTree(in); // no ObjectMapper: this runs on every start
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid(name, "is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw invalid(name, "cannot be read (" + firstLine(e.getMessage()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(name, "is empty or not a JSON object", null);
        }
        return new Reader(name).read(root);
    }

    private static MilinkException invalid(String name, String problem, Throwable cause) {
        return new MilinkException(CoreError.BUILD_REFERENCE_INVALID,
                "Build reference file " + name + " " + problem + ".", cause);
    }

    private static String oneLine(String text) {
        String t = text.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no details";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    /** Walks the JSON tree, naming the exact path of the first problem it finds. */
    private record Reader(String name) {

        BuildReference read(JsonNode root) {
            // no "schema" means 1 (files written before it existed); any other value is a format this milink
            // does not know, and reading it as 1 could misjudge every server
            JsonNode schema = root.path("schema");
            if (!schema.isMissingNode() && (!schema.isInt() || schema.intValue() != SCHEMA)) {
                throw problem("has schema '" + oneLine(schema.asText()) + "'; this milink reads schema " + SCHEMA
                        + " (see " + BUNDLED_RESOURCE + ")");
            }
            LocalDate lastUpdated = date(root, "lastUpdated", "");
            Map<Integer, String> names = new LinkedHashMap<>();
            Map<Integer, List<KnownBuild>> builds = new LinkedHashMap<>();
            JsonNode products = array(root, "products", "");
            for (int i = 0; i < products.size(); i++) {
                JsonNode p = products.get(i);
                String at = "products[" + i + "]";
                int major = integer(p, "major", at);
                if (names.put(major, text(p, "name", at)) != null) {
                    throw problem(at + " repeats major version " + major);
                }
                builds.put(major, builds(p, at, major));
            }
            List<LinkMinimum> minimums = new ArrayList<>();
            JsonNode mins = array(root, "linkMinimums", "");
            for (int i = 0; i < mins.size(); i++) {
                minimums.add(minimum(mins.get(i), "linkMinimums[" + i + "]", builds));
            }
            return new BuildReference(lastUpdated, strings(root, "sources"), strings(root, "notes"), names, builds,
                    minimums);
        }

        private List<KnownBuild> builds(JsonNode product, String at, int major) {
            List<KnownBuild> out = new ArrayList<>();
            JsonNode list = product.path("builds");
            if (list.isMissingNode()) {
                return out;
            }
            if (!list.isArray()) {
                throw problem(at + ".builds is not a list");
            }
            for (int j = 0; j < list.size(); j++) {
                JsonNode b = list.get(j);
                String where = at + ".builds[" + j + "]";
                SqlVersion version = version(b, "version", where);
                String here = where + " (" + version + ")";
                if (version.major() != major) {
                    throw problem(here + " is not a build of major version " + major);
                }
                BuildKind kind = enumValue(b, "kind", here, BuildKind::valueOf);
                Optional<String> kb = optionalText(b, "kb", here);
                if (kb.isEmpty() && kind != BuildKind.RTM) {
                    throw problem(here + " has no 'kb'");
                }
                if (kb.isPresent() && !kb.get().matches("[0-9]{6,7}")) {
                    throw problem(here + " has 'kb' \"" + kb.get() + "\"; expected digits without the KB prefix");
                }
                if (!out.isEmpty() && out.getLast().version().compareTo(version) >= 0) {
                    throw problem(here + " is not after " + out.getLast().version()
                            + "; builds must ascend by version");
                }
                out.add(new KnownBuild(version, text(b, "name", here), kind, kb, date(b, "releaseDate", here),
                        b.path("retired").asBoolean(false), optionalText(b, "note", here).orElse("")));
            }
            return out;
        }

        private LinkMinimum minimum(JsonNode m, String at, Map<Integer, List<KnownBuild>> builds) {
            int major = integer(m, "major", at);
            Set<Direction> directions = enumSet(m, "directions", at, Direction::valueOf, Direction.class, true);
            Set<Edition> editions = enumSet(m, "editions", at, Edition::valueOf, Edition.class, false);
            LinkPurpose purpose = enumValue(m, "purpose", at, LinkPurpose::valueOf);
            SqlVersion build = known(version(m, "build", at), at + ".build", builds);
            Optional<SqlVersion> prerequisite = m.hasNonNull("prerequisite")
                    ? Optional.of(known(version(m, "prerequisite", at), at + ".prerequisite", builds))
                    : Optional.empty();
            if (build.major() != major) {
                throw problem(at + " has build " + build + " for major version " + major);
            }
            return new LinkMinimum(major, directions, editions, purpose, build, prerequisite, text(m, "source", at),
                    optionalText(m, "note", at).orElse(""), strings(m, "history"));
        }

        private SqlVersion known(SqlVersion v, String at, Map<Integer, List<KnownBuild>> builds) {
            boolean listed = builds.getOrDefault(v.major(), List.of()).stream().anyMatch(b -> b.version().equals(v));
            if (!listed) {
                throw problem(at + " " + v + " is not a listed build");
            }
            return v;
        }

        private JsonNode array(JsonNode node, String field, String at) {
            JsonNode a = node.path(field);
            if (!a.isArray()) {
                throw problem(prefix(at) + "has no '" + field + "' list");
            }
            return a;
        }

        private String text(JsonNode node, String field, String at) {
            return optionalText(node, field, at).orElseThrow(() -> problem(prefix(at) + "has no '" + field + "'"));
        }

        private Optional<String> optionalText(JsonNode node, String field, String at) {
            JsonNode v = node.path(field);
            if (v.isMissingNode() || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw problem(prefix(at) + "has '" + field + "' that is not a non-empty string");
            }
            return Optional.of(v.asText().trim());
        }

        private int integer(JsonNode node, String field, String at) {
            JsonNode v = node.path(field);
            if (!v.isInt()) {
                throw problem(prefix(at) + "has no integer '" + field + "'");
            }
            return v.asInt();
        }

        private LocalDate date(JsonNode node, String field, String at) {
            String v = text(node, field, at);
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw problem(prefix(at) + "has '" + field + "' \"" + v + "\"; expected YYYY-MM-DD");
            }
        }

        private SqlVersion version(JsonNode node, String field, String at) {
            String v = text(node, field, at);
            if (!v.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                throw problem(prefix(at) + "has '" + field + "' \"" + v + "\"; expected a four-part build");
            }
            return SqlVersion.parse(v);
        }

        private <E extends Enum<E>> E enumValue(JsonNode node, String field, String at, Function<String, E> parse) {
            String v = text(node, field, at);
            try {
                return parse.apply(v);
            } catch (IllegalArgumentException e) {
                throw problem(prefix(at) + "has unknown '" + field + "' \"" + v + "\"");
            }
        }

        private <E extends Enum<E>> Set<E> enumSet(JsonNode node, String field, String at, Function<String, E> parse,
                                                   Class<E> type, boolean required) {
            JsonNode list = node.path(field);
            if (list.isMissingNode() && !required) {
                return EnumSet.noneOf(type);
            }
            if (!list.isArray() || (required && list.isEmpty())) {
                throw problem(prefix(at) + "has no '" + field + "' list");
            }
            Set<E> out = new HashSet<>();
            for (JsonNode v : list) {
                try {
                    out.add(parse.apply(v.asText()));
                } catch (IllegalArgumentException e) {
                    throw problem(prefix(at) + "has unknown " + field + " value \"" + v.asText() + "\"");
                }
            }
            return out;
        }

        private List<String> strings(JsonNode node, String field) {
            List<String> out = new ArrayList<>();
            node.path(field).forEach(v -> out.add(v.asText()));
            return out;
        }

        private static String prefix(String at) {
            return at.isEmpty() ? "" : at + " ";
        }

        private MilinkException problem(String what) {
            return invalid(name, "is invalid: " + what, null);
        }
    }

    private static final class Bundled {
        static final BuildReference INSTANCE = loadBundled();

        private static BuildReference loadBundled() {
            try (InputStream in = BuildReferences.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("milink is missing its bundled " + BUNDLED_RESOURCE);
                }
                return parse(in, "(bundled) " + BUNDLED_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled " + BUNDLED_RESOURCE, e);
            }
        }
    }
}
