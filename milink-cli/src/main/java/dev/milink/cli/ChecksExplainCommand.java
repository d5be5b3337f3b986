// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.error.MilinkException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code milink checks explain ID}: everything milink knows about one check. */
@Command(name = "explain")
final class ChecksExplainCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", descriptionKey = "check-id")
    String id;

    @Mixin
    OutputOptions output;

    @Mixin
    VerbosityOptions verbosity;

    @Override
    public Integer call() {
        CheckCatalog catalog = CheckCatalog.standard();
        CheckMetadata m = catalog.find(id).map(Check::metadata).orElseThrow(() -> unknown(catalog, id));
        PrintWriter out = Invocation.of(spec).out();
        if (ChecksCommand.json(output)) {
            out.println(ChecksCommand.toJson(m).toPrettyString());
            return 0;
        }
        out.println(m.id() + "  " + m.title());
        out.println();
        row(out, "Area", m.area().title());
        row(out, "Scope", m.scope().name().toLowerCase(Locale.ROOT));
        row(out, "Severity", m.severity().name());
        row(out, "Directions", ChecksCommand.directions(m));
        row(out, "Fixable", m.fixable() ? "yes: milink can produce a fix script" : "no: the finding explains the manual steps");
        row(out, "Since", m.since());
        if (!m.aliases().isEmpty()) {
            row(out, "Former ids", String.join(", ", m.aliases()));
        }
        row(out, "Microsoft docs", m.docsUrl());
        row(out, "milink docs", "docs/checks/" + m.id() + ".md");
        out.println();
        out.println("Why it matters");
        m.rationale().lines().forEach(paragraph -> wrap(out, paragraph, 98));
        return 0;
    }

    /** Word-wraps one paragraph at {@code width} columns with a two-space indent. */
    private static void wrap(PrintWriter out, String paragraph, int width) {
        StringBuilder line = new StringBuilder("  ");
        for (String word : paragraph.strip().split("\\s+")) {
            if (line.length() > 2 && line.length() + 1 + word.length() > width) {
                out.println(line);
                line.setLength(0);
                line.append("  ");
            }
            line.append(line.length() > 2 ? " " : "").append(word);
        }
        out.println(line);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-15s %s%n", label + ":", value == null ? "" : value);
    }

    /** Unknown id: name the closest ids, so a typo costs one more try, not a trip to the docs. */
    static MilinkException unknown(List<String> ids, String id) {
        String wanted = id.trim().toUpperCase(Locale.ROOT);
        List<String> close = ids.stream()
                .filter(known -> known.endsWith("-" + wanted) || distance(known, wanted) <= 2)
                .sorted(Comparator.comparingInt(known -> distance(known, wanted)))
                .limit(3).toList();
        String hint = close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
        return new MilinkException(CoreError.USAGE, "Unknown check id '" + id + "'." + hint
                + " Run 'milink checks list' to see every id.");
    }

    private static MilinkException unknown(CheckCatalog catalog, String id) {
        return unknown(catalog.checks().stream().map(Check::metadata)
                .flatMap(m -> Stream.concat(Stream.of(m.id()), m.aliases().stream())).toList(), id);
    }

    /** Levenshtein distance, case-sensitive (callers upper-case). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
