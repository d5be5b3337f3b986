// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.ISQLServerMessage;
import com.microsoft.sqlserver.jdbc.ISQLServerMessageHandler;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.script.TSql;
import dev.milink.sqlserver.connect.Batches;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one code path in milink that changes a SQL Server. It runs the appliable T-SQL steps of a {@link FixPlan}
 * in plan order, each step as one batch on one connection, and stops at the first step that fails. A step whose
 * database is guarded right now is skipped, with the later steps of that database; the other steps still run. Manual steps
 * (operating system, service restart, Azure) are returned, never run.
 *
 * <p>This is your starting point for applying a plan:
 * <pre>{@code
 * FixPlan plan = FixPlanner.plan("sql01", report.findings(), FixPlanner.Options.DEFAULT);
 * FixResult result = FixExecutor.of(ApplyOptions.DEFAULT).apply(plan, settings, secrets, ProgressListener.NONE);
 * result.asException().ifPresent(e -> { throw e; });   // FIX_STEP_FAILED, exit code 4
 * }</pre>
 *
 * <p>Before each step, and independent of what the checks decided when they planned it:
 * <ul>
 *   <li>a database step is skipped ({@link StepOutcome.Skipped}, not a failure) when the database is, right now,
 *       in an availability group, mirrored, read-only or gone, unless the user included it by name
 *       ({@link ApplyOptions#includeDatabases()}); so are the later steps of that database;</li>
 *   <li>a BACKUP step is refused unless it has {@code CHECKSUM} and has none of {@code COPY_ONLY}, {@code INIT},
 *       {@code FORMAT}, and fails when a target directory does not exist on the server
 *       ({@code xp_fileexist}, which answers on SQL Server 2016-2025);</li>
 *   <li>{@code $(NAME)} secrets are put into their string literals (quotes doubled) in memory. The text sent is
 *       the step's script otherwise unchanged; it is never logged, and error messages are masked.</li>
 * </ul>
 *
 * <p>Progress: INFO messages (BACKUP's {@code 3211 "10 percent processed."}) go to the listener as mssql-jdbc
 * parses them, through its {@code ISQLServerMessageHandler}, i.e. while the statement runs. On a connection that is
 * not mssql-jdbc's they are read from {@link Statement#getWarnings()} and delivered when the step ends.
 *
 * @since 0.1
 */
public final class FixExecutor {

    private static final Pattern BACKUP = Pattern.compile("(?i)\\bBACKUP\\s+(DATABASE|LOG)\\b");
    private static final Pattern FORBIDDEN_BACKUP_OPTION = Pattern.compile("(?i)\\b(COPY_ONLY|INIT|FORMAT)\\b");
    private static final Pattern CHECKSUM = Pattern.compile("(?i)\\bCHECKSUM\\b");
    private static final Pattern DISK = Pattern.compile("(?i)\\bDISK\\s*=\\s*$");
    /** Context-change chatter ("Changed database context to 'master'."), not progress. */
    private static final Set<Integer> QUIET = Set.of(5701, 5703, 5704);

    private final ApplyOptions options;

    private FixExecutor(ApplyOptions options) {
        this.options = options;
    }

    public static FixExecutor of(ApplyOptions options) {
        return new FixExecutor(options);
    }

    /**
     * Connects with {@code settings}, applies the plan and disconnects.
     *
     * @throws dev.milink.core.error.MilinkException when it cannot connect (exit code 3); step failures are in
     *     the result, not thrown
     */
    public FixResult apply(FixPlan plan, ConnectionSettings settings, Secrets secrets, ProgressListener listener) {
        try (Connection c = SqlConnector.open(settings)) {
            return apply(plan, c, settings.target().endpoint(), secrets, listener);
        } catch (SQLException e) {
            // only close() throws here; the run itself has finished and its result is lost with it
            throw SqlExceptionTranslator.translate(e, settings.target().endpoint());
        }
    }

    /**
     * Applies the plan on an open connection (left open).
     *
     * @param endpoint host and port for messages, e.g. {@code sql01:1433}
     */
    public FixResult apply(FixPlan plan, Connection connection, String endpoint, Secrets secrets,
                           ProgressListener listener) {
        List<PlannedStep> steps = plan.appliable();
        List<StepOutcome.Done> done = new ArrayList<>();
        List<StepOutcome.Skipped> skipped = new ArrayList<>();
        Map<String, PlannedStep> guarded = new java.util.HashMap<>(); // database (lower case) -> step that skipped
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep step = steps.get(i);
            listener.stepStarted(step, i + 1, steps.size());
            PlannedStep cause = step.target().database() == null ? null
                    : guarded.get(step.target().database().toLowerCase(java.util.Locale.ROOT));
            StepOutcome outcome = cause != null
                    ? new StepOutcome.Skipped(step, "Not run: it depends on step " + cause.number() + " for "
                            + TSql.quoteName(step.target().database()) + ", which was skipped.")
                    : new Run(step, connection, endpoint, secrets, listener).execute();
            listener.stepFinished(step, outcome);
            switch (outcome) {
                case StepOutcome.Done d -> done.add(d);
                case StepOutcome.Skipped k -> {
                    skipped.add(k);
                    if (step.target().database() != null) {
                        guarded.putIfAbsent(step.target().database().toLowerCase(java.util.Locale.ROOT), step);
                    }
                }
                case StepOutcome.Failed f -> {
                    return new FixResult(done, Optional.of(f), steps.subList(i + 1, steps.size()), plan.manual(),
                            skipped);
                }
            }
        }
        return new FixResult(done, Optional.empty(), List.of(), plan.manual(), skipped);
    }

    /** One step's run: its checks, the batch and what came back. */
    private final class Run {
        private final PlannedStep step;
        private final Connection connection;
        private final String endpoint;
        private final Secrets secrets;
        private final ProgressListener listener;
        private final List<ServerMessage> messages = new ArrayList<>();

        Run(PlannedStep step, Connection connection, String endpoint, Secrets secrets, ProgressListener listener) {
            this.step = step;
            this.connection = connection;
            this.endpoint = endpoint;
            this.secrets = secrets;
            this.listener = listener;
        }

        StepOutcome execute() {
            Optional<Script> script = step.step().script(ScriptKind.TSQL);
            if (script.isEmpty()) {
                return failed(StepOutcome.Reason.PRECONDITION, 0, "the step has no T-SQL to run.");
            }
            String tsql = script.get().text();
            try {
                Optional<StepOutcome> blocked = guardDatabase().or(() -> checkBackup(tsql));
                if (blocked.isPresent()) {
                    return blocked.get();
                }
            } catch (SQLException e) {
                return sqlFailure(e, "Could not verify the step's preconditions: ");
            }
            String filled;
            try {
                filled = SecretSubstitution.fill(tsql, secrets);
            } catch (SecretSubstitution.Unfillable e) {
                return failed(StepOutcome.Reason.PRECONDITION, 0, "Not run: " + e.getMessage() + ".");
            }
            long started = System.nanoTime();
            try {
                run(filled);
            } catch (SQLException e) {
                return sqlFailure(e, "");
            }
            return new StepOutcome.Done(step, Duration.ofNanos(System.nanoTime() - started), messages);
        }

        /** Refuses a database step when the database is, right now, in an AG, mirrored or read-only. */
        private Optional<StepOutcome> guardDatabase() throws SQLException {
            String db = step.target().database();
            if (db == null || options.included(db)) {
                return Optional.empty();
            }
            String sql = ScriptTemplate.resource(FixExecutor.class, "database-guard.sql").render(Map.of("name", db));
            try (Statement st = statement(); ResultSet rs = st.executeQuery(sql)) {
                if (!rs.next()) {
                    return Optional.of(new StepOutcome.Skipped(step, "Not run: there is no database "
                            + TSql.quoteName(db) + " on " + endpoint + " any more. Run milink fix again to re-plan."));
                }
                List<String> why = new ArrayList<>();
                if (rs.getBoolean(2)) {
                    why.add("in an availability group");
                }
                if (rs.getBoolean(3)) {
                    why.add("mirrored");
                }
                if (rs.getBoolean(1)) {
                    why.add("read-only");
                }
                if (why.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new StepOutcome.Skipped(step, "Not run: " + TSql.quoteName(db) + " is "
                        + String.join(", ", why) + ", and milink does not change such a database unless you name it "
                        + "with --include-database " + db + ". Review the step's script, or change it yourself."));
            }
        }

        /** BACKUP steps: safe options only, and every target directory must exist on the server. */
        private Optional<StepOutcome> checkBackup(String tsql) {
            TsqlText text = TsqlText.of(tsql);
            String skeleton = text.skeleton();
            if (!BACKUP.matcher(skeleton).find()) {
                return Optional.empty();
            }
            Matcher bad = FORBIDDEN_BACKUP_OPTION.matcher(skeleton);
            if (bad.find()) {
                return Optional.of(failed(StepOutcome.Reason.PRECONDITION, 0, "Refused: the backup uses "
                        + bad.group(1).toUpperCase(java.util.Locale.ROOT) + "; milink never takes COPY_ONLY backups "
                        + "(they do not start the log chain) and never overwrites media (INIT, FORMAT)."));
            }
            if (!CHECKSUM.matcher(skeleton).find()) {
                return Optional.of(failed(StepOutcome.Reason.PRECONDITION, 0,
                        "Refused: milink only takes backups WITH CHECKSUM."));
            }
            Set<String> directories = new LinkedHashSet<>();
            StringBuilder before = new StringBuilder();
            for (TsqlText.Span s : text.spans()) {
                if (s.kind() == TsqlText.Kind.LITERAL && DISK.matcher(before).find()) {
                    String path = text.literalValue(s);
                    int sep = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
                    if (sep <= 0) {
                        return Optional.of(failed(StepOutcome.Reason.PRECONDITION, 0, "Refused: the backup file "
                                + "name has no directory, so milink cannot check where it goes."));
                    }
                    directories.add(path.substring(0, sep));
                }
                if (s.kind() != TsqlText.Kind.COMMENT) {
                    before.append(text.text(), s.start(), s.end());
                }
            }
            for (String dir : directories) {
                if (dir.contains("$(")) {
                    return Optional.of(failed(StepOutcome.Reason.PRECONDITION, 0, "Not run: the backup directory "
                            + "is the sqlcmd variable " + dir + "; plan with --backup-dir to apply it."));
                }
                Optional<StepOutcome> missing = directoryMissing(dir);
                if (missing.isPresent()) {
                    return missing;
                }
            }
            return Optional.empty();
        }

        private Optional<StepOutcome> directoryMissing(String dir) {
            String sql = ScriptTemplate.resource(FixExecutor.class, "directory-exists.sql").render(Map.of("path", dir));
            try (Statement st = statement(); ResultSet rs = st.executeQuery(sql)) {
                boolean isDirectory = rs.next() && rs.getInt(2) == 1;
                if (isDirectory) {
                    return Optional.empty();
                }
                return Optional.of(failed(StepOutcome.Reason.PRECONDITION, 0, "The backup directory " + dir
                        + " does not exist on the SQL Server host " + endpoint + " (as the SQL Server service "
                        + "account sees it). Create it, give the service account write access, or choose another "
                        + "with --backup-dir."));
            } catch (SQLException e) {
                return Optional.of(failed(StepOutcome.Reason.PRECONDITION, e.getErrorCode(), "Could not check "
                        + "that the backup directory " + dir + " exists (xp_fileexist: "
                        + secrets.mask(firstLine(e.getMessage())) + "). milink does not back up to a directory it "
                        + "cannot verify."));
            }
        }

        /** Sends the batch and reads every result so that an error anywhere in it surfaces. */
        private void run(String sql) throws SQLException {
            ISQLServerConnection sc = connection.isWrapperFor(ISQLServerConnection.class)
                    ? connection.unwrap(ISQLServerConnection.class) : null;
            ISQLServerMessageHandler previous = sc == null ? null : sc.getServerMessageHandler();
            if (sc != null) {
                sc.setServerMessageHandler(this::onMessage);
            }
            try (Statement st = statement()) {
                st.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, options.stepTimeout().toSeconds()));
                try {
                    Batches.executeAll(st, sql);
                } finally {
                    if (sc == null) {
                        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                            deliver(w.getErrorCode(), 0, w.getMessage());
                        }
                    }
                }
            } finally {
                if (sc != null) {
                    sc.setServerMessageHandler(previous);
                }
            }
        }

        private ISQLServerMessage onMessage(ISQLServerMessage m) {
            if (m.isInfoMessage()) {
                deliver(m.getErrorNumber(), m.getErrorSeverity(), m.getErrorMessage());
                return null; // handled: keeps them from piling up as statement warnings
            }
            return m;
        }

        private void deliver(int number, int severity, String text) {
            if (QUIET.contains(number)) {
                return;
            }
            ServerMessage message = new ServerMessage(number, severity, secrets.mask(text == null ? "" : text));
            messages.add(message);
            listener.message(step, message);
        }

        private Statement statement() throws SQLException {
            Statement st = connection.createStatement();
            st.setEscapeProcessing(false); // T-SQL as written: no JDBC {escape} rewriting of braces in literals
            return st;
        }

        private StepOutcome sqlFailure(SQLException e, String prefix) {
            if (lost(e)) {
                String why = SqlExceptionTranslator.translate(e, endpoint).getMessage();
                return failed(StepOutcome.Reason.CONNECTION_LOST, e.getErrorCode(), prefix + secrets.mask(why)
                        + " Whether the step took effect is unknown: run milink check (or milink fix, which re-plans "
                        + "from fresh facts) to see.");
            }
            if (e instanceof SQLTimeoutException) {
                return failed(StepOutcome.Reason.SQL_ERROR, e.getErrorCode(), prefix + "The step did not finish within "
                        + options.stepTimeout().toSeconds() + " s and was cancelled; SQL Server rolls it back.");
            }
            StringBuilder text = new StringBuilder(prefix);
            List<String> seen = new ArrayList<>();
            for (SQLException x = e; x != null && seen.size() < 5; x = x.getNextException()) {
                String line = firstLine(x.getMessage());
                if (!line.isEmpty() && !seen.contains(line)) {
                    seen.add(line);
                    text.append(seen.size() > 1 ? " Then " + x.getErrorCode() + ": " : "").append(line);
                }
            }
            String hint = FixErrorHints.hint(e.getErrorCode());
            if (!hint.isEmpty()) {
                text.append(' ').append(hint);
            }
            return failed(StepOutcome.Reason.SQL_ERROR, e.getErrorCode(), secrets.mask(text.toString()));
        }

        private boolean lost(SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("08")) {
                return true;
            }
            try {
                return connection.isClosed();
            } catch (SQLException ignored) {
                return true;
            }
        }

        private StepOutcome.Failed failed(StepOutcome.Reason reason, int number, String message) {
            return new StepOutcome.Failed(step, reason, number, secrets.mask(message), messages);
        }
    }

    private static String firstLine(String msg) {
        if (msg == null) {
            return "";
        }
        String m = msg.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl).strip();
        return m.isEmpty() || m.endsWith(".") ? m : m + ".";
    }
}
