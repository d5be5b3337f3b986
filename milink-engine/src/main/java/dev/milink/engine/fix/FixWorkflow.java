// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.fix;

import dev.milink.sqlserver.connect.SqlError;
import dev.milink.core.error.CoreError;
import dev.milink.core.assess.Summary;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.database.TdeCertificateCheck;
import dev.milink.core.secret.Secret;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixPlanner;
import dev.milink.core.fix.FixScripts;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.fix.ScriptFile;
import dev.milink.sqlserver.fix.ApplyOptions;
import dev.milink.sqlserver.fix.DmkPasswords;
import dev.milink.sqlserver.fix.FixResult;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.Secrets;
import dev.milink.sqlserver.fix.StepOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code milink fix TARGET} (and {@code Milink.fix}) does: collect and check, plan, print the plan, write
 * the scripts when asked, and only with {@code --apply} (confirmed) hand the plan to the
 * {@link dev.milink.sqlserver.fix.FixExecutor}, then collect and check again and show what changed. Nothing here
 * changes a server; the {@link Server#apply} it is given does, and only from {@link #run}'s apply branch.
 *
 * @since 0.1
 */
public final class FixWorkflow {

    /** Checks whose database steps {@code --include-database} may make appliable: option changes and backups. */
    static final Set<String> INCLUDABLE = Set.of("MIL-D3", "MIL-D4", "MIL-D5", "MIL-D6", "MIL-D7");

    /**
     * The server being fixed.
     */
    public interface Server {
        /** Connects, collects and checks (throws MilinkException with a CONNECT code on failure). */
        Checked check();

        /** Runs the plan's appliable steps; the only call that changes anything. */
        FixResult apply(FixPlan plan, Secrets secrets, ApplyOptions options, ProgressListener listener);
    }

    /**
     * The outcome of collect + check.
     *
     * @param findings every finding
     * @param platform the host's platform, which decides which operating-system instructions are shown
     */
    public record Checked(List<Finding> findings, FixScripts.Platform platform) {
        public Checked {
            findings = List.copyOf(findings);
        }
    }

    /**
     * @param apply            run the T-SQL steps (otherwise a dry run)
     * @param yes              do not ask for confirmation
     * @param scriptDir        write the rendered scripts here, or null
     * @param includeDatabases databases the user allows milink to change although AG, mirrored or read-only
     * @param dmkPasswordFile  where a generated master key password goes, or null for the working directory
     * @param backupPath       where chain-starting full backups and certificate files go, as the SQL Server
     *                         service sees it; null leaves the sqlcmd variable in the scripts (those steps stay
     *                         manual)
     * @param tdePfxOut        keep a copy of each TDE certificate's PFX that milink uploads here (its password then
     *                         comes from {@value #TDE_PFX_PASSWORD_VARIABLE}), or null
     */
    public record Options(boolean apply, boolean yes, Path scriptDir, Set<String> includeDatabases,
                          Path dmkPasswordFile, String backupPath, Path tdePfxOut) {
        public Options {
            includeDatabases = Set.copyOf(includeDatabases);
        }

        public Options(boolean apply, boolean yes, Path scriptDir, Set<String> includeDatabases, Path dmkPasswordFile,
                       String backupPath) {
            this(apply, yes, scriptDir, includeDatabases, dmkPasswordFile, backupPath, null);
        }

        /** A dry run: print the plan, write nothing, change nothing. */
        public static Options dryRun() {
            return new Options(false, false, null, Set.of(), null, null);
        }
    }

    /** The environment variable holding the password of the PFX copies {@code --tde-pfx-out} keeps. */
    public static final String TDE_PFX_PASSWORD_VARIABLE = "MILINK_TDE_PFX_PASSWORD";

    private final Server server;
    private final FixTerminal terminal;
    private final Options options;
    private final Clock clock;

    public FixWorkflow(Server server, FixTerminal terminal, Options options, Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param target the instance as the user named it
     * @return the exit status: READY after a dry run; with --apply as {@link #exitStatus} says (4 a step failed, 6
     *     steps were skipped for guarded databases, 3 not checked again, else the findings after applying)
     */
    public ExitStatus run(String target) {
        if (!options.apply()) {
            return run(target, null);
        }
        // from the start: Ctrl-C while checking says that nothing was changed yet, later which step was running
        try (ApplyWatch watch = new ApplyWatch(new ProgressText(terminal.out()), terminal.err(), target)) {
            return run(target, watch);
        }
    }

    private ExitStatus run(String target, ApplyWatch watch) {
        PrintWriter out = terminal.out();
        if (options.apply() && !options.yes() && !terminal.interactive()) {
            throw new MilinkException(CoreError.USAGE, "--apply changes " + target + " and needs a confirmation, but "
                    + "milink is not running in a terminal. Review the plan first (milink fix " + target
                    + " --script-dir DIR), then add --yes to apply without asking.");
        }
        Checked checked = server.check();
        List<Finding> before = checked.findings();
        FixPlan plan = include(FixPlanner.plan(target, before, FixPlanner.Options.DEFAULT), options.includeDatabases());
        FixScripts.Platform platform = checked.platform();
        PlanText.print(plan, platform, out);
        if (options.scriptDir() != null) {
            writeScripts(plan, platform);
        }
        if (!options.apply()) {
            out.println("Dry run: nothing was changed." + (plan.appliable().isEmpty() ? ""
                    : " To apply the " + plan.appliable().size() + " T-SQL step(s): milink fix " + target
                    + " --apply" + (options.scriptDir() == null ? " (review them first with --script-dir DIR)" : "")
                    + "."));
            out.flush();
            return ExitStatus.READY;
        }
        if (plan.appliable().isEmpty()) {
            out.println("Nothing for milink to apply" + (plan.isEmpty() ? "." : "; the steps above are for you to do."));
            return Verdict.exitStatus(before, Severity.BLOCKER);
        }
        Secret pfxPassword = tdePfxPassword(plan);
        if (!options.yes() && !confirmed(target, plan)) {
            out.println("Not applied: nothing was changed.");
            return ExitStatus.READY;
        }
        Secrets secrets = secrets(plan, target);
        if (pfxPassword != null) {
            secrets = secrets.with(TDE_PFX_PASSWORD_VARIABLE, pfxPassword);
        }
        out.println("Applying " + plan.appliable().size() + " step(s) to " + target + ":");
        out.flush();
        FixResult result = server.apply(plan, secrets, new ApplyOptions(options.includeDatabases(),
                java.time.Duration.ZERO), watch);
        report(result);
        List<Finding> after;
        try {
            after = server.check().findings();
        } catch (MilinkException e) {
            terminal.err().println("Warning: could not check " + target + " again after applying: " + e.getMessage()
                    + " Run milink check " + target + " to see the result.");
            return exitStatus(result, null);
        }
        beforeAfter(before, after);
        closing(target, include(FixPlanner.plan(target, after, FixPlanner.Options.DEFAULT), options.includeDatabases()),
                platform, result);
        out.flush();
        return exitStatus(result, after);
    }

    /**
     * The exit status after applying, in one place: a failed step (4) first, whatever the check after it says; then
     * skipped steps (6, guarded databases); then 3 when the server could not be checked again ({@code after} null);
     * else the findings after applying, by the one rule. Exits 4 and 6 say why in one line on stderr, whatever
     * stdout shows.
     */
    private ExitStatus exitStatus(FixResult result, List<Finding> after) {
        PrintWriter err = terminal.err();
        if (!result.succeeded()) {
            err.println("Error [" + SqlError.FIX_STEP_FAILED.name() + "]: " + result.asException().orElseThrow()
                    .getMessage());
            err.flush();
            return ExitStatus.FIX_FAILED;
        }
        if (!result.skipped().isEmpty()) {
            err.println("Done, with " + result.skipped().size() + " step(s) skipped (exit "
                    + ExitStatus.FIX_SKIPPED.code() + "): " + result.skipped().stream()
                    .map(k -> "step " + k.step().number()).collect(Collectors.joining(", "))
                    + "; the output above says why.");
            err.flush();
            return ExitStatus.FIX_SKIPPED;
        }
        return after == null ? ExitStatus.CONNECT : Verdict.exitStatus(after, Severity.BLOCKER);
    }

    private boolean confirmed(String target, FixPlan plan) {
        PrintWriter out = terminal.out();
        out.println("milink will now change " + target + " with these T-SQL steps:");
        plan.appliable().forEach(s -> out.println(PlanText.line(s)));
        out.flush();
        String answer = terminal.readLine("Apply them? Type 'yes' to continue: ");
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }

    /**
     * The password of the PFX copies with {@code --tde-pfx-out}, from the environment only (never argv); null without
     * the option or without a TDE upload in the plan. Checked before anything is applied.
     */
    private Secret tdePfxPassword(FixPlan plan) {
        boolean uploads = plan.appliable().stream().anyMatch(FixWorkflow::uploadsTdeCertificate);
        if (options.tdePfxOut() == null || !uploads) {
            return null;
        }
        Optional<String> value = terminal.env(TDE_PFX_PASSWORD_VARIABLE).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            throw new MilinkException(CoreError.USAGE, "--tde-pfx-out keeps a copy of each TDE certificate milink "
                    + "uploads; set its password in the environment variable " + TDE_PFX_PASSWORD_VARIABLE
                    + " (never on the command line). Nothing was changed.");
        }
        Secret s = Secret.of(value.get());
        terminal.remember(s);
        return s;
    }

    /** Whether the step is MIL-D14's upload, whose body milink builds from SQL Server's certificate. */
    static boolean uploadsTdeCertificate(PlannedStep s) {
        return s.step().script(ScriptKind.ARM_REQUEST).filter(t -> t.text().contains("\""
                + TdeCertificateCheck.PRIVATE_BLOB_FROM + "\"")).isPresent();
    }

    private Secrets secrets(FixPlan plan, String target) {
        Secrets secrets = Secrets.none();
        for (String name : plan.secrets()) {
            if (name.equals(DmkPasswords.VARIABLE)) {
                Path file = options.dmkPasswordFile() != null ? options.dmkPasswordFile()
                        : Path.of("milink-dmk-password-" + safe(target) + "-"
                                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC)
                                .format(clock.instant()) + ".txt");
                secrets = secrets.with(name, DmkPasswordSource.resolve(terminal, file, options.dmkPasswordFile() != null));
            } else {
                var value = terminal.env(name);
                if (value.isPresent()) {
                    var s = dev.milink.core.secret.Secret.of(value.get());
                    terminal.remember(s);
                    secrets = secrets.with(name, s);
                }
                // else: the executor stops at the step that needs it and names the variable
            }
        }
        return secrets;
    }

    private void writeScripts(FixPlan plan, FixScripts.Platform platform) {
        Path dir = options.scriptDir();
        List<ScriptFile> files = FixScripts.render(plan, platform);
        try {
            Files.createDirectories(dir);
            for (ScriptFile f : files) {
                Files.writeString(dir.resolve(f.name()), f.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot write the scripts to " + dir + ": "
                    + e.getClass().getSimpleName() + " (" + e.getMessage() + ").", e);
        }
        terminal.out().println("Wrote " + files.size() + " file(s) to " + dir.toAbsolutePath()
                + "; start with 000-manifest.md.");
    }

    private void report(FixResult result) {
        PrintWriter out = terminal.out();
        out.println();
        if (!result.skipped().isEmpty()) {
            out.println("Skipped (" + result.skipped().size() + "):");
            result.skipped().forEach(k -> out.println("  " + PlanText.line(k.step()) + "\n      " + k.reason()));
        }
        // what milink uploaded cannot be read back from Azure, so the result says it (MIL-D14)
        result.done().stream().filter(d -> uploadsTdeCertificate(d.step()))
                .forEach(d -> d.messages().forEach(m -> out.println(m.text())));
        if (result.succeeded()) {
            out.println("Applied " + result.done().size() + " step(s)" + (result.skipped().isEmpty() ? "."
                    : "; the other databases' steps ran, the skipped ones need the change named above."));
            return;
        }
        StepOutcome.Failed f = result.failure().orElseThrow();
        out.println("Stopped at step " + f.step().number() + ": " + f.step().step().title());
        out.println("  " + (f.errorNumber() == 0 ? "" : "SQL Server error " + f.errorNumber() + ": ") + f.message());
        out.println("Done (" + result.done().size() + "):" + (result.done().isEmpty() ? " none" : ""));
        result.done().forEach(d -> out.println("  " + PlanText.line(d.step())));
        out.println("Not done (" + (result.notRun().size() + 1) + "):");
        out.println("  " + PlanText.line(f.step()) + "  <- failed");
        result.notRun().forEach(s -> out.println("  " + PlanText.line(s)));
        out.println("Fix the cause and run the same milink fix command again: it re-plans from fresh facts, so the "
                + "steps done drop out and it resumes here.");
    }

    private void beforeAfter(List<Finding> before, List<Finding> after) {
        PrintWriter out = terminal.out();
        out.println();
        out.println("Before: " + counts(Summary.of(before)));
        out.println("After:  " + counts(Summary.of(after)));
        Map<String, Finding> was = new LinkedHashMap<>();
        before.forEach(f -> was.put(key(f), f));
        List<String> changed = new ArrayList<>();
        for (Finding f : after) {
            Finding old = was.get(key(f));
            if (old != null && old.status() != f.status()) {
                changed.add(String.format("  %-7s %-6s -> %-6s %s (%s)", f.checkId(), old.status(), f.status(),
                        f.title(), f.target()));
            }
        }
        out.println(changed.isEmpty() ? "No finding changed." : "Changed:");
        changed.forEach(out::println);
    }

    private void closing(String target, FixPlan remaining, FixScripts.Platform platform, FixResult result) {
        PrintWriter out = terminal.out();
        out.println();
        Set<String> doneNow = result.done().stream().map(d -> d.step().step().id()).collect(Collectors.toSet());
        List<PlannedStep> again = remaining.appliable().stream().filter(s -> !doneNow.contains(s.step().id()))
                .toList();
        if (again.size() < remaining.appliable().size()) {
            out.println((remaining.appliable().size() - again.size()) + " step(s) applied in this run stay in the "
                    + "plan because Azure cannot read their result back (TDE certificate uploads); they need no "
                    + "second run.");
        }
        if (!again.isEmpty()) {
            out.println(again.size() + " T-SQL step(s) still to apply: run milink fix " + target
                    + " --apply again" + (result.succeeded() ? "." : " once the cause above is fixed."));
        }
        List<PlannedStep> manual = remaining.manual();
        if (manual.isEmpty()) {
            out.println(remaining.isEmpty() ? "Nothing left to fix." : "");
            return;
        }
        out.println("Still to do by hand (" + manual.size() + "):");
        for (PlannedStep s : manual) {
            out.println(PlanText.line(s));
            PlanText.instructions(s, platform, out);
        }
        Set<String> afterRestart = new LinkedHashSet<>();
        manual.stream().filter(s -> s.step().restartRequired()).forEach(s -> afterRestart.addAll(s.checkIds()));
        if (!afterRestart.isEmpty()) {
            out.println("A SQL Server service restart is still needed. After it, milink check " + target
                    + " should show " + String.join(", ", afterRestart) + " as PASS.");
        }
    }

    /**
     * With {@code --include-database NAME}, the option and backup steps of NAME that the checks left to the DBA
     * (because the database is in an AG, mirrored or read-only) become appliable; the executor's guard lets them
     * through for NAME only. Steps still needing a sqlcmd variable (no --backup-dir) stay manual.
     */
    static FixPlan include(FixPlan plan, Set<String> databases) {
        if (databases.isEmpty()) {
            return plan;
        }
        Set<String> lower = databases.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<PlannedStep> steps = new ArrayList<>();
        for (PlannedStep s : plan.steps()) {
            FixStep f = s.step();
            boolean promote = !s.appliable() && s.target().isDatabase()
                    && lower.contains(s.target().database().toLowerCase(Locale.ROOT))
                    && s.checkIds().stream().allMatch(INCLUDABLE::contains)
                    && f.script(ScriptKind.TSQL).filter(t -> !t.text().contains("$(MILINK_BACKUP_DIR)")).isPresent();
            steps.add(promote ? new PlannedStep(s.number(), new FixStep(f.id(), f.title(), f.phase(), f.order(),
                    f.restartRequired(), true, f.scripts(), f.secret()), s.checkIds(), s.target(), s.status()) : s);
        }
        return new FixPlan(plan.target(), steps);
    }

    private static String counts(Summary s) {
        return s.fail() + " FAIL, " + s.warn() + " WARN, " + s.unknown() + " UNKNOWN, " + s.pass() + " PASS, "
                + s.skipped() + " SKIPPED";
    }

    private static String key(Finding f) {
        return f.checkId() + "|" + f.target();
    }

    private static String safe(String target) {
        return target.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
