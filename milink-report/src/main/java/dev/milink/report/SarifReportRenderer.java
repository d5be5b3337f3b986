// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.internal.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * SARIF 2.1.0 for code-scanning dashboards and SARIF viewers, shaped like PMD's {@code SarifLogBuilder}:
 * <ul>
 *   <li>{@code tool.driver.rules}: one descriptor per check in the report, from its {@link CheckMetadata}
 *       (title, rationale, {@code helpUri} = the Microsoft page the requirement comes from, our page
 *       {@code docs/checks/<id>.md} in {@code help} and {@code properties.docsPage}, default level from the
 *       severity);</li>
 *   <li>{@code results}: FAIL, WARN and INFO findings as levels {@code error}, {@code warning}, {@code note},
 *       located by a logical location (the instance, or instance/database); SUPPRESSED findings as results with
 *       {@code suppressions} (kind {@code external}: the config file, with its reason) at the level they had;</li>
 *   <li>{@code invocations[0].toolExecutionNotifications}: checks that could not run, UNKNOWN (level
 *       {@code warning}) and ERROR (level {@code error}, and {@code executionSuccessful} false), each tied to its
 *       rule: never a result, so never mistaken for a pass; report notes as level {@code note}.</li>
 * </ul>
 * PASS and SKIPPED findings are not results. Validated against the published schema in tests.
 *
 * @since 0.1
 */
public final class SarifReportRenderer extends FormatRenderer {

    /** The OASIS schema the output declares. */
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            + "sarif-schema-2.1.0.json";

    private final Function<String, Optional<CheckMetadata>> metadata;

    /** Rules described from the standard catalog. */
    public SarifReportRenderer() {
        this(id -> CheckCatalog.standard().find(id).map(Check::metadata));
    }

    /** Rules described by {@code metadata} (by check id); a check it does not know is described by its findings. */
    public SarifReportRenderer(Function<String, Optional<CheckMetadata>> metadata) {
        super("sarif", "sarif", "SARIF 2.1.0 for code-scanning tools; checks that could not run as tool notifications");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        Map<String, Finding> firstOf = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (firstOf.putIfAbsent(f.checkId(), f) == null) {
                ruleIndex.put(f.checkId(), ruleIndex.size());
            }
        }
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "milink");
            if (report.toolVersion() != null && !report.toolVersion().isBlank()) {
                g.writeStringField("version", report.toolVersion());
            }
            g.writeArrayFieldStart("rules");
            for (Finding f : firstOf.values()) {
                rule(f, g);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            invocation(report, ruleIndex, g);
            g.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                if (f.status().isNotMet() || f.status() == Status.SUPPRESSED) {
                    result(f, ruleIndex.get(f.checkId()), g);
                }
            }
            g.writeEndArray();
            g.writeObjectFieldStart("properties");
            g.writeStringField("verdict", report.verdict().name());
            g.writeStringField("direction", report.direction() == null ? null : report.direction().cliName());
            g.writeArrayFieldStart("targets");
            for (String t : report.targets()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private void rule(Finding f, JsonGenerator g) throws IOException {
        Optional<CheckMetadata> meta = metadata.apply(f.checkId());
        String title = meta.map(CheckMetadata::title).orElse(f.title() == null ? f.checkId() : f.title());
        Severity severity = meta.map(CheckMetadata::severity).orElse(f.severity());
        String page = "docs/checks/" + f.checkId() + ".md";
        g.writeStartObject();
        g.writeStringField("id", f.checkId());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", title);
        g.writeEndObject();
        Optional<String> rationale = meta.map(CheckMetadata::rationale).filter(r -> !r.isBlank());
        if (rationale.isPresent()) {
            g.writeObjectFieldStart("fullDescription");
            g.writeStringField("text", rationale.get());
            g.writeEndObject();
        }
        Optional<String> docs = meta.map(CheckMetadata::docsUrl).filter(u -> u != null && u.startsWith("https://"));
        if (docs.isPresent()) {
            g.writeStringField("helpUri", docs.get());
        }
        g.writeObjectFieldStart("help");
        g.writeStringField("text", title + ". milink's page for this check: " + page
                + docs.map(u -> "; the requirement: " + u).orElse("") + ".");
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(Status.notMet(severity)));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("docsPage", page);
        g.writeStringField("severity", severity.name());
        if (f.area() != null) {
            g.writeArrayFieldStart("tags");
            g.writeString(f.area().name().toLowerCase(java.util.Locale.ROOT));
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void invocation(AssessmentReport report, Map<String, Integer> ruleIndex, JsonGenerator g)
            throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", report.findings().stream().noneMatch(f -> f.status() == Status.ERROR));
        if (report.createdAt() != null) {
            g.writeStringField("endTimeUtc", DateTimeFormatter.ISO_INSTANT.format(report.createdAt()));
        }
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (Finding f : report.findings()) {
            if (f.status() != Status.UNKNOWN && f.status() != Status.ERROR) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("level", f.status() == Status.ERROR ? "error" : "warning");
            g.writeObjectFieldStart("message");
            g.writeStringField("text", f.checkId() + " on " + Labels.target(f) + (f.status() == Status.ERROR
                    ? " failed: " : " could not be checked: ") + f.message());
            g.writeEndObject();
            g.writeObjectFieldStart("associatedRule");
            g.writeStringField("id", f.checkId());
            g.writeNumberField("index", ruleIndex.get(f.checkId()));
            g.writeEndObject();
            g.writeArrayFieldStart("locations");
            location(f, g);
            g.writeEndArray();
            g.writeObjectFieldStart("properties");
            g.writeStringField("status", f.status().name());
            g.writeStringField("severity", f.severity().name());
            g.writeEndObject();
            g.writeEndObject();
        }
        for (String note : report.notes()) {
            g.writeStartObject();
            g.writeStringField("level", "note");
            g.writeObjectFieldStart("message");
            g.writeStringField("text", note);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void result(Finding f, int ruleIndex, JsonGenerator g) throws IOException {
        Status shown = f.suppression() == null ? f.status() : f.suppression().was();
        g.writeStartObject();
        g.writeStringField("ruleId", f.checkId());
        g.writeNumberField("ruleIndex", ruleIndex);
        if (shown.isNotMet()) {
            g.writeStringField("level", level(shown));
        } else {
            // A suppressed UNKNOWN or ERROR is still open; a suppressed PASS or SKIPPED is not a problem.
            g.writeStringField("kind", shown == Status.UNKNOWN || shown == Status.ERROR ? "open" : "notApplicable");
            g.writeStringField("level", "none");
        }
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        location(f, g);
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("milinkFinding/v1", f.checkId() + "|" + f.target().instance() + "|"
                + (f.target().database() == null ? "" : f.target().database()));
        g.writeEndObject();
        if (f.suppression() != null) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", f.suppression().reason());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("status", f.status().name());
        g.writeStringField("severity", f.severity().name());
        if (!f.evidence().observed().isBlank() || !f.evidence().expected().isBlank()) {
            g.writeStringField("observed", f.evidence().observed());
            g.writeStringField("expected", f.evidence().expected());
        }
        if (!f.remediation().isEmpty()) {
            g.writeStringField("fix", f.remediation().summary());
            List<String> steps = new ArrayList<>();
            for (FixStep s : f.remediation().steps()) {
                steps.add(s.title() + " (" + Labels.stepTags(s) + ")");
            }
            g.writeArrayFieldStart("fixSteps");
            for (String s : steps) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void location(Finding f, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", f.target().isDatabase() ? f.target().database() : f.target().instance());
        g.writeStringField("fullyQualifiedName", f.target().isDatabase()
                ? f.target().instance() + "/" + f.target().database() : f.target().instance());
        g.writeStringField("kind", f.target().isDatabase() ? "database" : "instance");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String level(Status notMet) {
        return switch (notMet) {
            case FAIL -> "error";
            case WARN -> "warning";
            default -> "note";
        };
    }
}
