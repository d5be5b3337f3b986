// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.CheckConfig;
import dev.milink.core.assess.Assessor;
import dev.milink.core.assess.Assessor.DatabaseSelection;
import dev.milink.core.assess.CollectionErrors;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Target;
import dev.milink.core.check.database.DatabaseOnlineCheck;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.model.ServerFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What {@code milink check} does once its options are bound, and what {@code milink demo} does against the
 * sandbox: collect every target (at most {@code parallel} at a time), judge each with the standard catalog and
 * put all findings into one report.
 */
final class CheckRun {

    /** One thing to judge: a live server or a facts file, named as the user named it. */
    record Source(String label, Supplier<ServerFacts> collect) {}

    /** The combined report, plus the targets that could not be collected. */
    record Result(AssessmentReport report, List<MilinkException> failures) {

        /**
         * The worst outcome wins ({@link ExitStatus#worst}): a target that could not be reached (3) outranks a
         * blocking finding (1), which outranks an ERROR finding (70), which outranks an unknown blocker (5); so a
         * fleet run never hides a tool failure behind a verdict. Warnings alone never fail a run unless asked to
         * ({@code --fail-on warning}).
         */
        int exitCode(FailOn failOn) {
            List<ExitStatus> outcomes = new ArrayList<>();
            outcomes.add(Verdict.exitStatus(report.findings(), failOn == FailOn.WARNING ? Severity.WARNING
                    : Severity.BLOCKER));
            failures.forEach(f -> outcomes.add(f.code().exitStatus()));
            return ExitStatus.worst(outcomes).code();
        }
    }

    private CheckRun() {
    }

    /**
     * @param databases named databases ({@code --database}), empty for every user database
     * @param notes     report-level notes to carry (e.g. build reference age)
     * @param checks    per-check configuration (severities, disabled checks, suppressions) from the config file
     * @throws MilinkException the first collection error when nothing at all could be collected (a target whose
     *                         values milink cannot interpret, or a bug, is an ERROR finding instead)
     */
    static Result run(List<Source> sources, int parallel, CheckContext context, LinkSettings link,
                      List<String> notes, CheckConfig checks) {
        List<String> databases = link.databases();
        List<Object> collected = collectAll(sources, parallel);
        List<MilinkException> failures = new ArrayList<>();
        List<ServerFacts> facts = new ArrayList<>();
        List<String> assessed = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        List<Finding> errors = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String label = sources.get(i).label();
            if (collected.get(i) instanceof ServerFacts f) {
                facts.add(f);
                assessed.add(label);
            } else if (collected.get(i) instanceof MilinkException e && e.code().exitStatus() == ExitStatus.INTERNAL) {
                // milink could not interpret what the server returned (or hit a bug): an ERROR finding naming it
                errors.add(CollectionErrors.error(label, e.getMessage() + " [" + e.code().name() + "]"));
                assessed.add(label);
            } else {
                MilinkException e = (MilinkException) collected.get(i);
                failures.add(e);
                allNotes.add("Not assessed: " + label + ": " + e.getMessage() + " [" + e.code().name() + "]");
            }
        }
        if (facts.isEmpty() && errors.isEmpty() && !failures.isEmpty()) {
            throw failures.getFirst();
        }
        DatabaseSelection selection = DatabaseSelection.of(databases);
        Assessor assessor = Assessor.of(CheckCatalog.standard());
        List<Finding> findings = new ArrayList<>(errors);
        for (ServerFacts f : facts) {
            findings.addAll(assessor.evaluate(Facts.of(f, link), context, selection));
        }
        findings.addAll(missingDatabases(facts, databases));
        CheckConfig.Applied configured = checks.apply(findings, LocalDate.ofInstant(context.clock().instant(),
                ZoneOffset.UTC));
        allNotes.addAll(configured.notes());
        // The header names the instances assessed; the others are in the notes, each with why.
        AssessmentReport report = new AssessmentReport(Versions.milink(), Instant.now(), link.direction(),
                assessed, configured.findings(), allNotes);
        return new Result(report, List.copyOf(failures));
    }

    /**
     * Collection is I/O-bound (network round trips), so each target gets a virtual thread and a semaphore bounds
     * how many servers are queried at once. Results keep the order of the targets.
     */
    private static List<Object> collectAll(List<Source> sources, int parallel) {
        if (sources.size() == 1) {
            return List.of(collectOne(sources.getFirst()));
        }
        Semaphore permits = new Semaphore(Math.max(1, parallel));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Source s : sources) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return collectOne(s);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilinkException(CoreError.INTERNAL, "Interrupted while collecting.", e);
        } catch (ExecutionException e) {
            throw new MilinkException(CoreError.INTERNAL, "Collection failed unexpectedly.", e.getCause());
        }
    }

    /**
     * The facts, or the MilinkException that explains why there are none. Any other exception is a bug, but it
     * costs this target alone, never the whole fleet's report.
     */
    private static Object collectOne(Source s) {
        try {
            return s.collect().get();
        } catch (MilinkException e) {
            return e;
        } catch (RuntimeException e) {
            return new MilinkException(CoreError.INTERNAL, "Unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " while collecting " + s.label()
                    + " (a bug in milink; please report it)", e);
        }
    }

    /**
     * A database named with {@code --database} that exists on no target is a FAIL of MIL-D2 (the database must
     * exist and be online) on each target that could list its databases, naming the user databases found there.
     */
    private static List<Finding> missingDatabases(List<ServerFacts> facts, List<String> databases) {
        Set<String> present = facts.stream().flatMap(f -> f.databases().orElse(List.of()).stream())
                .map(DatabaseFacts::name).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>();
        for (String name : databases) {
            if (present.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (ServerFacts f : facts) {
                if (!f.databases().isKnown()) {
                    continue;
                }
                String known = f.databases().orElse(List.of()).stream().filter(d -> !d.isSystem())
                        .map(DatabaseFacts::name).sorted().collect(Collectors.joining(", "));
                out.add(Finding.of(DatabaseOnlineCheck.META, Target.database(f.target(), name)).fail("There is no"
                        + " database named '" + name + "' on " + f.target() + " (named with --database). User"
                        + " databases found: " + (known.isEmpty() ? "none" : known) + ".",
                        Evidence.of("no such database", "an ONLINE database of that name"), null));
            }
        }
        return out;
    }
}
