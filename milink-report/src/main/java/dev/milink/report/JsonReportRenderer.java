// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.internal.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Summary;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.Status;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable report, schema version {@value #SCHEMA_VERSION}, described by
 * {@code docs/report-schema-1.1.json} (JSON Schema 2020-12). Fields are written in a fixed order with a
 * streaming generator, so diffs between two runs show only what changed. Absent evidence and remediation are
 * {@code null}, never omitted; enum values are their Java names ({@code "FAIL"}, {@code "BLOCKER"}) except the
 * direction, which uses its CLI name ({@code "sql-to-mi"}).
 *
 * <p>Compatibility: new fields may appear in a minor schema version (1.x); removing or renaming a field, or
 * changing its meaning, bumps the major version.
 *
 * @since 0.1
 */
public final class JsonReportRenderer extends FormatRenderer {

    /** The version of the JSON shape, independent of the tool version. */
    public static final String SCHEMA_VERSION = "1.1";

    /** Where the schema is published, relative to the repository root. */
    public static final String SCHEMA_PATH = "docs/report-schema-1.1.json";

    /** The statuses in the order of the schema's {@code summary} object, each named in lower case. */
    private static final List<Status> SUMMARY_ORDER = List.of(Status.PASS, Status.FAIL, Status.WARN, Status.INFO,
            Status.SKIPPED, Status.UNKNOWN, Status.ERROR, Status.SUPPRESSED);

    public JsonReportRenderer() {
        super("json", "json", "versioned JSON (schema " + SCHEMA_VERSION + ", " + SCHEMA_PATH + ") for scripts and CI");
    }

    @Override
    void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            document(report, g);
        }
        out.write('\n');
    }

    private static void document(AssessmentReport report, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("schemaVersion", SCHEMA_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "milink");
        g.writeStringField("version", report.toolVersion());
        g.writeEndObject();
        g.writeStringField("createdAt", report.createdAt() == null ? null
                : DateTimeFormatter.ISO_INSTANT.format(report.createdAt()));
        g.writeStringField("direction", report.direction() == null ? null : report.direction().cliName());
        g.writeArrayFieldStart("targets");
        for (String t : report.targets()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeStringField("verdict", report.verdict().name());
        summary(report, g);
        g.writeArrayFieldStart("notes");
        for (String n : report.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : report.findings()) {
            finding(f, g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void summary(AssessmentReport report, JsonGenerator g) throws IOException {
        Summary s = report.summary();
        ReportCounts c = ReportCounts.of(report);
        g.writeObjectFieldStart("summary");
        g.writeNumberField("total", s.total());
        for (Status st : SUMMARY_ORDER) {
            g.writeNumberField(st.name().toLowerCase(Locale.ROOT), s.count(st));
        }
        g.writeNumberField("blockers", c.blockers());
        g.writeNumberField("warnings", c.warnings());
        g.writeNumberField("instances", c.instances());
        g.writeNumberField("databases", c.databases());
        g.writeEndObject();
    }

    private static void finding(Finding f, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("checkId", f.checkId());
        g.writeStringField("title", f.title());
        g.writeStringField("area", f.area() == null ? null : f.area().name());
        g.writeStringField("status", f.status().name());
        g.writeStringField("severity", f.severity().name());
        g.writeBooleanField("blocking", f.isBlocking());
        if (f.suppression() == null) {
            g.writeNullField("suppression");
        } else {
            g.writeObjectFieldStart("suppression");
            g.writeStringField("was", f.suppression().was().name());
            g.writeStringField("reason", f.suppression().reason());
            g.writeEndObject();
        }
        g.writeObjectFieldStart("target");
        g.writeStringField("instance", f.target().instance());
        g.writeStringField("database", f.target().database());
        g.writeEndObject();
        g.writeStringField("message", f.message());
        if (f.evidence().observed().isEmpty() && f.evidence().expected().isEmpty()) {
            g.writeNullField("evidence");
        } else {
            g.writeObjectFieldStart("evidence");
            g.writeStringField("observed", f.evidence().observed());
            g.writeStringField("expected", f.evidence().expected());
            g.writeEndObject();
        }
        remediation(f.remediation(), g);
        g.writeEndObject();
    }

    private static void remediation(Remediation r, JsonGenerator g) throws IOException {
        if (r == null || r.isEmpty()) {
            g.writeNullField("remediation");
            return;
        }
        g.writeObjectFieldStart("remediation");
        g.writeStringField("summary", r.summary());
        g.writeArrayFieldStart("steps");
        for (FixStep s : r.steps()) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("title", s.title());
            g.writeStringField("phase", s.phase().name());
            g.writeNumberField("order", s.order());
            g.writeBooleanField("restartRequired", s.restartRequired());
            g.writeBooleanField("appliable", s.appliable());
            g.writeStringField("secret", s.secret() == null ? null : s.secret().orElse(null));
            g.writeArrayFieldStart("scripts");
            for (Script script : s.scripts()) {
                g.writeStartObject();
                g.writeStringField("kind", script.kind().name());
                g.writeStringField("text", script.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
