// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the log backups in SQL Agent job steps ({@code msdb.dbo.sysjobs} / {@code sysjobsteps}): plain
 * {@code BACKUP LOG} statements, and Ola Hallengren's {@code DatabaseBackup} with {@code @BackupType = 'LOG'}
 * (run as T-SQL or through {@code sqlcmd} in a CmdExec step). A maintenance-plan step (SSIS) or a
 * {@code BACKUP LOG @variable} cannot be read and counts as "maybe every database".
 *
 * @since 0.3
 */
public final class LogBackupJobs {

    /** One row of sysjobs joined to sysjobsteps. */
    public record JobStep(String jobId, String jobName, boolean enabled, int stepId, String stepName,
                          String subsystem, String databaseName, String command) {}

    private static final Pattern BACKUP_LOG = Pattern.compile(
            "\\bBACKUP\\s+LOG\\s+(\\[(?:[^\\]]|\\]\\])+\\]|\"(?:[^\"]|\"\")+\"|@\\w+|[\\p{L}_#][\\p{L}\\p{N}_@#$]*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern OLA = Pattern.compile("\\bDatabaseBackup\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OLA_LOG = Pattern.compile("@BackupType\\s*=\\s*N?'LOG'", Pattern.CASE_INSENSITIVE);
    private static final Pattern OLA_DATABASES = Pattern.compile("@Databases\\s*=\\s*N?'((?:[^']|'')*)'",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOREACHDB = Pattern.compile("sp_MSforeachdb", Pattern.CASE_INSENSITIVE);

    private LogBackupJobs() {
    }

    /** The steps among {@code steps} that back up logs, each with the databases it selects. */
    public static List<LogBackupJob> find(List<JobStep> steps) {
        List<LogBackupJob> found = new ArrayList<>();
        for (JobStep s : steps) {
            read(s).ifPresent(sel -> found.add(new LogBackupJob(s.jobId(), s.jobName(), s.enabled(), s.stepId(),
                    s.stepName(), sel)));
        }
        return List.copyOf(found);
    }

    /** The jobs in {@code jobs} that back up (or may back up) any of {@code databases}. */
    public static List<LogBackupJob> affecting(List<LogBackupJob> jobs, List<String> databases) {
        return jobs.stream()
                .filter(j -> databases.stream().anyMatch(d -> j.covers(d) != BackupSelection.Match.NO))
                .toList();
    }

    static Optional<BackupSelection> read(JobStep step) {
        String command = step.command() == null ? "" : step.command();
        String subsystem = step.subsystem() == null ? "" : step.subsystem().toUpperCase(Locale.ROOT);
        if (subsystem.equals("SSIS") && command.toLowerCase(Locale.ROOT).contains("maintenance plans")) {
            return Optional.of(BackupSelection.unreadable("maintenance plan " + step.jobName()
                    + ": open it in SSMS to see whether it backs up logs"));
        }
        String code = withoutComments(command);
        if (OLA.matcher(code).find() && OLA_LOG.matcher(code).find()) {
            Matcher m = OLA_DATABASES.matcher(code);
            if (!m.find()) {
                return Optional.of(BackupSelection.unreadable("DatabaseBackup without a literal @Databases"));
            }
            return Optional.of(BackupSelection.ola(m.group(1).replace("''", "'")));
        }
        Matcher m = BACKUP_LOG.matcher(code);
        List<String> names = new ArrayList<>();
        boolean variable = false;
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("@")) {
                variable = true;
            } else {
                names.add(unquote(name));
            }
        }
        if ((variable || names.contains("?")) && FOREACHDB.matcher(code).find()) {
            return Optional.of(BackupSelection.all());
        }
        if (variable) {
            return Optional.of(BackupSelection.unreadable("BACKUP LOG of a database named by a variable"));
        }
        if (!names.isEmpty()) {
            return Optional.of(BackupSelection.names(names));
        }
        if (FOREACHDB.matcher(code).find() && code.toUpperCase(Locale.ROOT).contains("BACKUP LOG")) {
            return Optional.of(BackupSelection.all());
        }
        return Optional.empty();
    }

    private static String unquote(String name) {
        if (name.startsWith("[")) {
            return name.substring(1, name.length() - 1).replace("]]", "]");
        }
        if (name.startsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    /** Drops {@code -- line} and {@code /* block * /} comments outside string literals. */
    static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == '\'') {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(sql, i, Math.min(end + 1, sql.length()));
                i = end + 1;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
