// SPDX-License-Identifier: Apache-2.0
package dev.milink.report.docs;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.ExitStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/errors.md} from the error codes every module contributes (each constant's "Caused by /
 * Solution"), so the reference cannot drift from the code. The engine's {@code Milink.errorCodes()} is the list;
 * its {@code ErrorDocsTest} fails when the committed page differs and rewrites it with
 * {@code -Dmilink.docs.update=true}.
 *
 * @since 0.2
 */
public final class ErrorDocs {

    private ErrorDocs() {
    }

    /** The whole page for {@code codes}, in their order. */
    public static String render(List<ErrorCode> codes) {
        StringBuilder b = new StringBuilder();
        b.append("<!-- Generated from the ErrorCode enums by dev.milink.report.docs.ErrorDocs; do not edit. Regenerate:"
                + " ./mvnw -q -o -pl milink-engine -am test -Dtest=ErrorDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dmilink.docs.update=true -->\n");
        b.append("""
                # milink error codes

                When milink cannot do its job it prints one line, `Error [CODE]: message`, the distinct causes below it, and a
                hint (`Try 'milink check --help'` or `Run with --verbose for details`). Stack traces appear only with `--verbose`;
                `--log-file FILE` writes milink's debug log, stack traces included, to a file.
                With `--output json` the same error is also printed to stdout as a JSON object:

                ```json
                { "schemaVersion": "1", "error": { "code": "SQL_UNREACHABLE", "exitCode": 3, "message": "…", "causes": [ ] } }
                ```

                A *finding* (a requirement the server does not meet) is not an error: it is in the report, and the exit code is 1
                (not ready) or 5 (incomplete). Errors are about milink being unable to judge. A check that fails inside milink
                is an ERROR finding naming the exception: the other findings stand, stderr gets one `Error [INTERNAL]` line, and
                the exit code is 70 unless something worse happened. Each code maps to one exit code:

                | Code | Exit |
                |---|---|
                """);
        Map<ExitStatus, List<ErrorCode>> byExit = new LinkedHashMap<>();
        for (ExitStatus s : ExitStatus.values()) {
            List<ErrorCode> list = codes.stream().filter(c -> c.exitStatus() == s).toList();
            if (!list.isEmpty()) {
                byExit.put(s, list);
            }
        }
        byExit.forEach((s, list) -> b.append("| ").append(list.stream().map(c -> "`" + c.name() + "`")
                .collect(Collectors.joining(", "))).append(" | ").append(s.code()).append(" |\n"));
        b.append("""

                Exit 6 is not an error: `milink fix --apply` did every step it could, but skipped the steps of a guarded database
                (in an availability group, mirrored, read-only, or gone since the plan) and the steps that depend on them. The
                output lists each skipped step with why ("Not run: [Archive2015] is read-only … --include-database Archive2015"),
                and stderr ends with one line: `Done, with N step(s) skipped (exit 6)`. Make the change it names, or include the
                database by name, and run the same command again.

                Every non-zero exit prints one line on stderr that says why. An interrupted run (Ctrl-C, SIGTERM) says so too:
                `fix --apply` names the step that was running and whether it had completed; `network test` lists the temporary
                objects it removed and, for any it could not remove, the T-SQL to remove it by hand.
                """);
        for (ErrorCode c : codes) {
            b.append("\n## ").append(c.name()).append('\n');
            b.append(wrap("**Caused by:** " + sentence(c.causedBy()))).append(wrap("**Solution:** "
                    + sentence(c.solution())));
        }
        return b.toString();
    }

    /** The codes whose "Caused by" or "Solution" is empty: each must say both. */
    public static List<String> undocumented(List<ErrorCode> codes) {
        List<String> out = new ArrayList<>();
        for (ErrorCode c : codes) {
            if (c.causedBy().isBlank() || c.solution().isBlank()) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** The text as a sentence: it ends with a full stop. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith(")") && t.endsWith(".)") ? t : t + ".";
    }

    /** Markdown lines of at most about 115 characters, broken at spaces. */
    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > 115) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
