// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MIL-D22: log space headroom and log backups. Warns at {@value #LOG_USED_WARN_PERCENT} % log used, when a FULL
 * database has no log backup in the last day, and always reminds that no log backup may run during seeding.
 */
public final class LogHeadroomCheck extends PerDatabaseCheck {

    /** Log use at or above this percentage is a warning. */
    static final double LOG_USED_WARN_PERCENT = 80.0;
    /** A newest log backup older than this is a warning (the docs ask for at least a daily log backup job). */
    static final Duration LOG_BACKUP_MAX_AGE = Duration.ofHours(24);

    public static final CheckMetadata META = Meta.of("D22", "Log has headroom and log backups run (not during "
            + "seeding)", Severity.WARNING, Meta.SQL_TO_MI, true, Meta.TROUBLESHOOT, """
                    Replication stops when the primary's log is full, so the log needs headroom (warning at 80 % \
                    used) and regular log backups (warning when the newest is more than a day old). But a log \
                    backup that truncates the log during initial seeding breaks the link (errors 1408/1412; the \
                    link must be deleted and created again): pause log backup jobs until seeding has finished \
                    (the database is no longer RESTORING on the managed instance), or use trace flag 12381 on \
                    builds that support it and turn it off afterwards. During seeding this is a blocker; milink \
                    cannot see Agent jobs or third-party backup tools, so it always says so. Reads log space \
                    (DBCC SQLPERF(LOGSPACE) or sys.dm_db_log_space_usage) and the newest log backup in msdb. \
                    Log backups are never taken by milink: one taken while a link seeds is exactly the failure \
                    above.""");

    private static final String SEEDING = " Pause log backups while the link seeds (or use trace flag 12381), "
            + "or the link fails with error 1408/1412.";

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.logSpaceUsedPercent() instanceof Fact.Unknown<Double> u) {
            return finding.unknown(Why.unreadable(db, "the log space use", u));
        }
        double used = db.logSpaceUsedPercent().orElse(0.0);
        boolean full = "FULL".equalsIgnoreCase(db.recoveryModel());
        if (full && db.backups() instanceof Fact.Unknown<Backups> u) {
            return finding.unknown(Why.unreadable(db, "the backup history", u));
        }
        Instant lastLog = db.backups().orElse(Backups.NONE).lastLog();
        Instant now = context.clock().instant();
        List<String> problems = new ArrayList<>();
        if (used >= LOG_USED_WARN_PERCENT) {
            problems.add(String.format(Locale.ROOT, "its log is %.1f %% used (replication stops at 100 %%)", used));
        }
        if (full && lastLog == null) {
            problems.add("it has no log backup, so its log only grows");
        } else if (full && Duration.between(lastLog, now).compareTo(LOG_BACKUP_MAX_AGE) > 0) {
            problems.add("its newest log backup is from " + lastLog + ", more than a day old");
        }
        Evidence evidence = Evidence.of(String.format(Locale.ROOT, "log %.1f %% used; newest log backup: %s",
                used, lastLog == null ? "none" : lastLog.toString()),
                "log below 80 % used; a log backup within the last day; none during seeding");
        if (problems.isEmpty()) {
            return finding.pass(Why.quoted(db) + " has log headroom and recent log backups." + SEEDING, evidence);
        }
        return finding.warn("For " + Why.quoted(db) + ", " + String.join(" and ", problems) + "." + SEEDING,
                evidence, new Remediation("Free log space and schedule regular log backups for " + Why.quoted(db)
                        + "; pause them while the link seeds.", List.of(Steps.step(META, db, "log-backups",
                                "Log backups for " + Why.quoted(db) + ", paused during seeding")
                        .appliable(false)
                        .value("file", BackupFiles.path(context, facts.server().host(), db.name(), "trn"))
                        .value("compression", BackupFiles.compressionOption(facts.server().product()))
                        .script(ScriptKind.TSQL, "log-backup.sql").build())));
    }

    public LogHeadroomCheck() {
        super(META);
    }
}
