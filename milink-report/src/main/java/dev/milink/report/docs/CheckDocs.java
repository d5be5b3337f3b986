// SPDX-License-Identifier: Apache-2.0
package dev.milink.report.docs;

import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the check reference, {@code docs/checks/<id>.md} per check plus {@code docs/checks/README.md}, from
 * {@link CheckMetadata} alone, so the pages cannot drift from what the checks declare. Each page follows PMD's
 * rule-doc template: what it reports, why (the rationale, which also states what it reads, its assumptions and
 * limits), where the requirement comes from. Former ids get a short page pointing to the new one, so old links
 * and suppressions keep resolving.
 *
 * <p>{@code CheckDocsTest} fails when the committed pages differ; it rewrites them when run with
 * {@code -Dmilink.docs.update=true}. {@link #main} does the same for scripts:
 * <pre>{@code
 * Map<String, String> pages = CheckDocs.render(CheckCatalog.standard()); // file name -> Markdown
 * CheckDocs.write(CheckCatalog.standard(), Path.of("docs/checks"));
 * }</pre>
 *
 * @since 0.1
 */
public final class CheckDocs {

    /** File name of the index page. */
    public static final String INDEX = "README.md";

    private static final String GENERATED = "<!-- Generated from the check metadata by dev.milink.report.docs.CheckDocs;"
            + " do not edit. Regenerate: ./mvnw -q -o -pl milink-report test -Dmilink.docs.update=true -->";
    private static final Pattern CHECK_ID = Pattern.compile("\\b[A-Z]+-[A-Z0-9][A-Z0-9.]*(?:-[A-Z0-9.]+)*\\b");

    private CheckDocs() {
    }

    /**
     * Writes every page to {@code args[0]} (default {@code docs/checks}) and removes stale {@code .md} files there.
     */
    public static void main(String[] args) throws IOException {
        write(CheckCatalog.standard(), Path.of(args.length > 0 ? args[0] : "docs/checks"));
    }

    /** Every page, keyed by file name, in catalog order with the index first. */
    public static Map<String, String> render(CheckCatalog catalog) {
        List<CheckMetadata> checks = catalog.checks().stream().map(Check::metadata).toList();
        Set<String> ids = checks.stream().map(CheckMetadata::id).collect(Collectors.toSet());
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(INDEX, index(checks));
        for (CheckMetadata m : checks) {
            pages.put(m.id() + ".md", page(m, ids));
        }
        for (CheckMetadata m : checks) {
            for (String alias : m.aliases()) {
                pages.put(alias + ".md", aliasPage(alias, m));
            }
        }
        return pages;
    }

    /** Writes {@link #render} into {@code dir}, deleting {@code .md} files no check produces any more. */
    public static void write(CheckCatalog catalog, Path dir) throws IOException {
        Map<String, String> pages = render(catalog);
        Files.createDirectories(dir);
        try (Stream<Path> existing = Files.list(dir)) {
            for (Path p : existing.filter(p -> p.getFileName().toString().endsWith(".md")).toList()) {
                if (!pages.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : pages.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    static String index(List<CheckMetadata> checks) {
        StringBuilder b = new StringBuilder();
        b.append(GENERATED).append("\n# milink checks\n\n");
        b.append("Every check milink runs, in report order: ").append(plural(checks.size(), "check")).append(". ")
                .append("Each page says what the check reports, why it matters, what it reads and where the "
                        + "requirement comes from. A check's id is stable: use it in configuration, "
                        + "suppressions and scripts that read the JSON report.\n\n");
        b.append("Statuses: **PASS**; **FAIL** (requirement not met); **WARN** (recommendation not met); "
                + "**SKIPPED** (not applicable here, the message says why); **UNKNOWN** (could not tell, the "
                + "message says why; never counted as a pass). A FAIL at blocker severity makes the verdict "
                + "NOT READY (exit code 1); an UNKNOWN blocker with no failed blocker makes it INCOMPLETE "
                + "(exit code 5).\n");
        for (Area area : Area.values()) {
            List<CheckMetadata> inArea = checks.stream().filter(m -> m.area() == area).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            b.append("\n## ").append(area.title()).append("\n\n");
            b.append("| Id | Check | Severity | Scope | Directions | Fix |\n");
            b.append("|---|---|---|---|---|---|\n");
            for (CheckMetadata m : inArea) {
                b.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | ")
                        .append(cell(m.title())).append(" | ").append(severity(m.severity())).append(" | ")
                        .append(m.scope() == Scope.DATABASE ? "database" : "instance").append(" | ")
                        .append(cell(directionsShort(m.directions()))).append(" | ")
                        .append(m.fixable() ? "yes" : "no").append(" |\n");
            }
        }
        if (checks.isEmpty()) {
            b.append("\nNo checks are registered yet.\n");
        }
        Map<String, String> renamed = new TreeMap<>();
        checks.forEach(m -> m.aliases().forEach(a -> renamed.put(a, m.id())));
        if (!renamed.isEmpty()) {
            b.append("\n## Former ids\n\n| Former id | Now |\n|---|---|\n");
            renamed.forEach((alias, id) -> b.append("| ").append(alias).append(" | [").append(id).append("](")
                    .append(id).append(".md) |\n"));
        }
        return b.toString();
    }

    static String page(CheckMetadata m, Set<String> knownIds) {
        StringBuilder b = new StringBuilder();
        b.append(GENERATED).append('\n');
        b.append("# ").append(m.id()).append(": ").append(m.title()).append("\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "Id", "`" + m.id() + "`");
        row(b, "Area", m.area().title());
        row(b, "Scope", m.scope() == Scope.DATABASE ? "each selected database" : "the instance");
        row(b, "Severity", severity(m.severity()));
        row(b, "Directions", directionsLong(m.directions()));
        row(b, "Fix", m.fixable() ? "yes: a failing finding carries fix steps with their scripts"
                : "no: the finding says what to do");
        row(b, "Since", blankToDash(m.since()));
        row(b, "Former ids", m.aliases().isEmpty() ? "none" : String.join(", ", m.aliases()));
        row(b, "Requirement rows", m.specRefs().isEmpty() ? "none" : String.join(", ", m.specRefs()));

        b.append("\n## What it reports\n\n");
        b.append(m.scope() == Scope.DATABASE ? "For each selected database, one finding:\n\n"
                : "One finding for the instance:\n\n");
        b.append("- **PASS** when the requirement holds (").append(m.title().isEmpty() ? "" : lowerFirst(m.title()))
                .append(").\n");
        b.append("- ").append(notMet(m.severity())).append('\n');
        b.append("- **UNKNOWN** when a fact it needs could not be read (a missing permission, an older version, "
                + "an unreachable server). The message says which and why. An UNKNOWN is never counted as a pass")
                .append(m.severity() == Severity.BLOCKER ? "; with no failed blocker it makes the verdict INCOMPLETE."
                        : ".").append('\n');
        List<String> other = otherDirections(m.directions());
        b.append("- **SKIPPED** when it does not apply to this target")
                .append(other.isEmpty() ? "" : ", and always for links in the " + String.join(" and ", other)
                        + " direction")
                .append("; the message says why.\n");

        b.append("\n## Why\n\n");
        String rationale = m.rationale() == null || m.rationale().isBlank() ? "Not documented yet."
                : linkIds(m.rationale().strip(), m.id(), knownIds);
        b.append(rationale).append('\n');

        b.append("\n## Source\n\n");
        if (m.docsUrl() == null || m.docsUrl().isBlank()) {
            b.append("No Microsoft documentation link recorded.\n");
        } else {
            b.append("- Microsoft documentation: <").append(m.docsUrl()).append(">\n");
        }
        if (!m.specRefs().isEmpty()) {
            b.append("- milink requirements baseline, ").append(m.specRefs().size() == 1 ? "row " : "rows ")
                    .append(String.join(", ", m.specRefs())).append('\n');
        }
        b.append("\n[All checks](README.md)\n");
        return b.toString();
    }

    static String aliasPage(String alias, CheckMetadata now) {
        return GENERATED + "\n# " + alias + " (renamed)\n\n" + alias + " is a former id of [" + now.id() + "]("
                + now.id() + ".md): " + now.title() + ". Configuration and suppressions that name " + alias
                + " still apply to " + now.id() + "; update them to the new id.\n\n[All checks](README.md)\n";
    }

    private static String notMet(Severity s) {
        return switch (s) {
            case BLOCKER -> "**FAIL** at blocker severity when it does not: the link cannot be created or would "
                    + "fail, so the verdict is NOT READY (exit code 1). The finding shows what was seen, what is "
                    + "needed and the steps to fix it.";
            case WARNING -> "**WARN** (or FAIL at warning severity) when it does not: the link works, but is slower, "
                    + "more fragile or harder to operate. It does not change the verdict unless the run uses "
                    + "`--fail-on warning`. The finding shows what was seen, what is recommended and how to get there.";
            case INFO -> "**WARN** at info severity when it does not: advice only, never changes the verdict.";
        };
    }

    /** Turns other check ids in the rationale into links to their pages. */
    private static String linkIds(String text, String self, Set<String> knownIds) {
        Matcher mt = CHECK_ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (mt.find()) {
            String id = mt.group();
            String replacement = knownIds.contains(id) && !id.equals(self) ? "[" + id + "](" + id + ".md)" : id;
            mt.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        mt.appendTail(out);
        return out.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("| **").append(name).append("** | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String severity(Severity s) {
        return switch (s) {
            case BLOCKER -> "blocker";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }

    private static List<Direction> ordered(Set<Direction> directions) {
        return Arrays.stream(Direction.values()).filter(directions::contains).toList();
    }

    private static String directionsShort(Set<Direction> directions) {
        return directions.size() == Direction.values().length ? "both"
                : ordered(directions).stream().map(Direction::label).collect(Collectors.joining(", "));
    }

    private static String directionsLong(Set<Direction> directions) {
        if (directions.isEmpty()) {
            return "none";
        }
        String on = ordered(directions).stream().map(Direction::label).collect(Collectors.joining(" and "));
        List<String> other = otherDirections(directions);
        return other.isEmpty() ? "both (" + on + ")" : on + " only (SKIPPED for " + String.join(", ", other) + ")";
    }

    private static List<String> otherDirections(Set<Direction> directions) {
        List<String> other = new ArrayList<>();
        for (Direction d : Direction.values()) {
            if (!directions.contains(d)) {
                other.add(d.label());
            }
        }
        return other;
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0))
                && (Character.isLowerCase(s.charAt(1)) || s.charAt(1) == ' ')) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    private static String blankToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
