// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.script.TSql;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Words every format uses the same way: targets, times, the report's origin, verdicts, fix-step tags. */
final class Labels {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Labels() {
    }

    /** "sql01" or "sql01 / [Sales]" (database names bracket-quoted, as in T-SQL). */
    static String target(Finding f) {
        return f.target().isDatabase() ? f.target().instance() + " / " + TSql.quoteName(f.target().database())
                : f.target().instance();
    }

    /** "2026-11-26 09:30:00 UTC", or "" when unknown. */
    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** "milink 0.1.0 · SQL Server → MI · assessed 2026-11-26 09:30:00 UTC", leaving out what is not known. */
    static String about(AssessmentReport report) {
        StringBuilder about = new StringBuilder("milink");
        if (report.toolVersion() != null && !report.toolVersion().isBlank()) {
            about.append(' ').append(report.toolVersion());
        }
        if (report.direction() != null) {
            about.append(" · ").append(report.direction().label());
        }
        if (report.createdAt() != null) {
            about.append(" · assessed ").append(when(report.createdAt()));
        }
        return about.toString();
    }

    /** "NOT READY". */
    static String verdict(Verdict v) {
        return switch (v) {
            case READY -> "READY";
            case NOT_READY -> "NOT READY";
            case INCOMPLETE -> "INCOMPLETE";
        };
    }

    /** "T-SQL; restart required; milink can apply". */
    static String stepTags(FixStep step) {
        List<String> tags = new ArrayList<>();
        tags.add(step.scripts().stream().map(Script::kind).distinct().map(k -> k.label())
                .collect(Collectors.joining(", ")));
        if (step.restartRequired()) {
            tags.add("restart required");
        }
        if (step.appliable()) {
            tags.add("milink can apply");
        }
        return String.join("; ", tags);
    }
}
