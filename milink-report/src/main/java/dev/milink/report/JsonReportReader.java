// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSON reports ({@link JsonReportRenderer}, schema 1.0 and 1.1; any 1.x, since minor versions only add
 * fields) back into an {@link AssessmentReport}, and merges several, so a run can be rendered again in another
 * format or shards of a fleet combined:
 *
 * <pre>{@code
 * AssessmentReport all = JsonReportReader.merge(List.of(JsonReportReader.read(Path.of("a.json")),
 *         JsonReportReader.read(Path.of("b.json"))));
 * }</pre>
 *
 * <p>Findings are rebuilt through {@link Finding}'s constructor, so a 1.0 report's notes (WARN at INFO severity)
 * read as INFO, as 1.1 writes them. Input is untrusted: files larger than {@link #MAX_BYTES} and any other major
 * version are refused, and every problem is a {@link ReportError#REPORT_FILE_INVALID} naming the file and field.
 *
 * @since 0.1
 */
public final class JsonReportReader {

    /** Largest report file read (100 MiB, about 150,000 findings): the whole tree is held in memory. */
    public static final long MAX_BYTES = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = Json.mapper();

    private JsonReportReader() {
    }

    /** Reads one report file. */
    public static AssessmentReport read(Path file) {
        return read(file, MAX_BYTES);
    }

    static AssessmentReport read(Path file, long maxBytes) {
        String name = String.valueOf(file);
        try {
            if (!Files.isRegularFile(file)) {
                throw invalid(name, "no such file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw invalid(name, "is " + size + " bytes, more than the " + maxBytes + " a report may have");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            if (bytes.length > maxBytes) {
                throw invalid(name, "is more than the " + maxBytes + " bytes a report may have");
            }
            return read(name, JSON.readTree(bytes));
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage() == null ? "not JSON" : e.getOriginalMessage();
            throw invalid(name, "not valid JSON (" + what.lines().findFirst().orElse(what) + ")");
        } catch (IOException e) {
            throw new MilinkException(ReportError.REPORT_FILE_INVALID, "Cannot read report " + name + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()) + ".", e);
        }
    }

    /** Rebuilds a report from its JSON tree; {@code name} is used in messages. */
    static AssessmentReport read(String name, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid(name, "is not a JSON object (is it a milink report?)");
        }
        String version = text(name, root, "schemaVersion", "schemaVersion", true);
        if (!version.matches("1\\.\\d+")) {
            throw invalid(name, "has schemaVersion '" + version + "'; this milink reads 1.x reports only");
        }
        JsonNode tool = root.path("tool");
        String toolVersion = tool.isObject() ? text(name, tool, "version", "tool.version", false) : null;
        String created = text(name, root, "createdAt", "createdAt", false);
        Instant createdAt;
        try {
            createdAt = created == null ? null : Instant.parse(created);
        } catch (DateTimeParseException e) {
            throw invalid(name, "createdAt '" + created + "' is not an ISO-8601 instant");
        }
        String dir = text(name, root, "direction", "direction", false);
        Direction direction;
        try {
            direction = dir == null ? null : Direction.fromCliName(dir);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "direction: " + e.getMessage());
        }
        List<String> targets = strings(name, root, "targets");
        List<String> notes = strings(name, root, "notes");
        JsonNode list = root.get("findings");
        if (list == null || !list.isArray()) {
            throw invalid(name, "has no findings array");
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "findings[" + i + "]";
            try {
                findings.add(finding(name, at, list.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw invalid(name, at + ": " + e.getMessage());
            }
        }
        return new AssessmentReport(toolVersion, createdAt, direction, targets, findings, notes);
    }

    /**
     * One report of several: targets and findings concatenated in the order given (a target in two reports is
     * listed once, its findings twice, and a note says so), notes de-duplicated, the newest {@code createdAt} and
     * its tool version, the direction when all agree (otherwise none, and a note says so).
     */
    public static AssessmentReport merge(List<AssessmentReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        if (reports.size() == 1) {
            return reports.getFirst();
        }
        Set<String> targets = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>();
        Set<Direction> directions = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (AssessmentReport r : reports) {
            for (String t : r.targets()) {
                if (!targets.add(t)) {
                    repeated.add(t);
                }
            }
            notes.addAll(r.notes());
            findings.addAll(r.findings());
            if (r.direction() != null) {
                directions.add(r.direction());
            }
        }
        Optional<AssessmentReport> newest = reports.stream().filter(r -> r.createdAt() != null)
                .max(Comparator.comparing(AssessmentReport::createdAt));
        Direction direction = directions.size() == 1 ? directions.iterator().next() : null;
        for (String t : repeated) {
            notes.add(t + " is in more than one of the merged reports; its findings are listed once per report.");
        }
        if (directions.size() > 1) {
            notes.add("The merged reports assessed different link directions.");
        }
        return new AssessmentReport(newest.map(AssessmentReport::toolVersion).orElse(reports.getFirst().toolVersion()),
                newest.map(AssessmentReport::createdAt).orElse(null), direction, List.copyOf(targets), findings,
                List.copyOf(notes));
    }

    private static Finding finding(String name, String at, JsonNode n) {
        if (!n.isObject()) {
            throw invalid(name, at + " is not an object");
        }
        String areaName = text(name, n, "area", at + ".area", false);
        Area area = areaName == null ? null : constant(name, at + ".area", Area.class, areaName);
        Status status = constant(name, at + ".status", Status.class, text(name, n, "status", at + ".status", true));
        Severity severity = constant(name, at + ".severity", Severity.class,
                text(name, n, "severity", at + ".severity", true));
        JsonNode t = n.path("target");
        if (!t.isObject()) {
            throw invalid(name, at + ".target is missing");
        }
        Target target = new Target(text(name, t, "instance", at + ".target.instance", true),
                text(name, t, "database", at + ".target.database", false));
        JsonNode e = n.path("evidence");
        Evidence evidence = e.isObject() ? Evidence.of(Objects.requireNonNullElse(text(name, e, "observed",
                at + ".evidence.observed", false), ""), Objects.requireNonNullElse(text(name, e, "expected",
                at + ".evidence.expected", false), "")) : Evidence.NONE;
        Finding f = new Finding(text(name, n, "checkId", at + ".checkId", true),
                text(name, n, "title", at + ".title", false), area, status == Status.SUPPRESSED ? Status.PASS : status,
                severity, target, text(name, n, "message", at + ".message", true), evidence,
                remediation(name, at + ".remediation", n.path("remediation")));
        if (status != Status.SUPPRESSED) {
            return f;
        }
        JsonNode s = n.path("suppression");
        if (!s.isObject()) {
            throw invalid(name, at + " is SUPPRESSED without a suppression");
        }
        Status was = constant(name, at + ".suppression.was", Status.class,
                text(name, s, "was", at + ".suppression.was", true));
        return new Finding(f.checkId(), f.title(), f.area(), Status.SUPPRESSED, f.severity(), f.target(), f.message(),
                f.evidence(), f.remediation(), new Finding.Suppression(was,
                text(name, s, "reason", at + ".suppression.reason", true)));
    }

    private static Remediation remediation(String name, String at, JsonNode r) {
        if (!r.isObject()) {
            return Remediation.NONE;
        }
        List<FixStep> steps = new ArrayList<>();
        JsonNode list = r.path("steps");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String sat = at + ".steps[" + i + "]";
            List<Script> scripts = new ArrayList<>();
            JsonNode sl = s.path("scripts");
            for (int j = 0; j < sl.size(); j++) {
                String kat = sat + ".scripts[" + j + "]";
                ScriptKind kind = constant(name, kat + ".kind", ScriptKind.class,
                        text(name, sl.get(j), "kind", kat + ".kind", true));
                scripts.add(new Script(kind, text(name, sl.get(j), "text", kat + ".text", true)));
            }
            FixStep.Phase phase = constant(name, sat + ".phase", FixStep.Phase.class,
                    text(name, s, "phase", sat + ".phase", true));
            steps.add(new FixStep(text(name, s, "id", sat + ".id", true), text(name, s, "title", sat + ".title", true),
                    phase, s.path("order").asInt(),
                    s.path("restartRequired").asBoolean(), s.path("appliable").asBoolean(), scripts,
                    Optional.ofNullable(text(name, s, "secret", sat + ".secret", false))));
        }
        return new Remediation(Objects.requireNonNullElse(text(name, r, "summary", at + ".summary", false), ""), steps);
    }

    private static <E extends Enum<E>> E constant(String name, String at, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, at + " '" + value + "' is not one of " + java.util.Arrays.toString(
                    type.getEnumConstants()));
        }
    }

    private static String text(String name, JsonNode n, String field, String at, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid(name, at + " is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(name, at + " must be a string");
        }
        return v.asText();
    }

    private static List<String> strings(String name, JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(name, field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw invalid(name, field + "[" + i + "] must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static MilinkException invalid(String name, String problem) {
        return new MilinkException(ReportError.REPORT_FILE_INVALID, "Report " + name + " " + problem + ".");
    }
}
