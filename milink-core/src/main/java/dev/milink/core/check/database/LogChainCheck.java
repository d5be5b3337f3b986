// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Fact;
import java.time.Instant;
import java.util.List;

/**
 * MIL-D7: a full backup without COPY_ONLY has started the log chain. Passes only when msdb shows such a backup
 * and {@code last_log_backup_lsn} is set for a FULL database.
 */
public final class LogChainCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D7", "A full backup has started the log chain",
            Severity.BLOCKER, Meta.SQL_TO_MI, true, Meta.CONFIGURE_SSMS, """
                    Creating the link needs a FULL database whose log chain has been started by a full backup \
                    taken without COPY_ONLY; otherwise SQL Server raises error 1475 ("the backup chain must \
                    restart"). Two traps: a COPY_ONLY full backup never starts the chain, and a database switched \
                    to FULL behaves as SIMPLE until its first full backup. Reads \
                    sys.database_recovery_status.last_log_backup_lsn (set once the chain has started) and the \
                    newest full backups in msdb.dbo.backupset (copy-only and not). Passes only when both agree. \
                    msdb history may have been purged: a started chain without a full backup in msdb is a warning. \
                    The fix is BACKUP DATABASE … WITH CHECKSUM, STATS = 10 (COMPRESSION where the edition has it) \
                    to a new file named after the database and a UTC timestamp; never COPY_ONLY, never INIT or \
                    FORMAT. It becomes the base of later differential backups. It is appliable only when \
                    --backup-dir names the directory; otherwise the script uses the sqlcmd variable \
                    MILINK_BACKUP_DIR. For a database not yet in FULL it is appliable only together with the \
                    MIL-D6 step (a backup taken under SIMPLE starts nothing).""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        String expected = "FULL recovery and a full backup (not COPY_ONLY) that started the log chain";
        if (!"FULL".equalsIgnoreCase(db.recoveryModel())) {
            return finding.fail(Why.quoted(db) + " uses the " + db.recoveryModel() + " recovery model; once MIL-D6 "
                            + "sets FULL, a full backup (not COPY_ONLY) must start the log chain.",
                    Evidence.of("recovery model " + db.recoveryModel(), expected), backup(db, facts, context));
        }
        if (db.logChainStarted() instanceof Fact.Unknown<Boolean> u) {
            return finding.unknown(Why.unreadable(db, "the log chain state", u));
        }
        boolean started = db.logChainStarted().orElse(false);
        Fact<Backups> history = db.backups();
        Backups b = history.orElse(null);
        Evidence evidence = Evidence.of(observed(started, b), expected);
        if (started && b == null) {
            return finding.unknown(Why.unreadable(db, "the backup history", history));
        }
        if (started && b.lastChainFull() != null) {
            return finding.pass("The log chain of " + Why.quoted(db) + " was started by a full backup finished at "
                    + b.lastChainFull() + (b.lastChainFullChecksum() ? "" : " (taken without CHECKSUM)") + ".",
                    evidence);
        }
        if (started) {
            return finding.severity(Severity.WARNING).warn("The log chain of " + Why.quoted(db) + " has started, "
                    + "but msdb holds no full backup without COPY_ONLY (history purged, or the database was "
                    + "restored or attached); a fresh full backup gives the link a known starting point.",
                    evidence, backup(db, facts, context));
        }
        String message;
        if (b != null && b.lastChainFull() == null && b.lastCopyOnlyFull() != null) {
            message = Why.quoted(db) + " has only COPY_ONLY full backups (newest " + b.lastCopyOnlyFull() + "). A "
                    + "COPY_ONLY backup does not start the log chain, so the database still behaves as SIMPLE and "
                    + "creating the link fails with error 1475.";
        } else if (b != null && b.lastChainFull() != null) {
            message = "The log chain of " + Why.quoted(db) + " is not started: its last full backup ("
                    + b.lastChainFull() + ") predates the switch to FULL or a later switch to SIMPLE broke the "
                    + "chain. The database behaves as SIMPLE until a new full backup (error 1475 otherwise).";
        } else {
            message = Why.quoted(db) + " is set to FULL but has no full backup, so it behaves as SIMPLE until a "
                    + "full backup starts the log chain (error 1475 otherwise).";
        }
        return finding.fail(message, evidence, backup(db, facts, context));
    }

    private static String observed(boolean started, Backups b) {
        String chain = "log chain started: " + (started ? "yes" : "no");
        if (b == null) {
            return chain + "; backup history unreadable";
        }
        return chain + "; newest full (not COPY_ONLY): " + when(b.lastChainFull())
                + "; newest COPY_ONLY full: " + when(b.lastCopyOnlyFull());
    }

    private static String when(Instant t) {
        return t == null ? "none" : t.toString();
    }

    private static Remediation backup(DatabaseFacts db, Facts facts, CheckContext context) {
        boolean dir = BackupFiles.hasDirectory(context);
        String file = BackupFiles.path(context, facts.server().host(), db.name(), "bak");
        FixStep step = Steps.step(META, db, "full-backup", "Take a full backup of " + Why.quoted(db)
                        + " (not COPY_ONLY) to start the log chain")
                .order(Steps.ORDER_FULL_BACKUP)
                .appliable(dir && db.isOnline()
                        && ("FULL".equalsIgnoreCase(db.recoveryModel()) || Steps.unsafeToApply(db).isEmpty()))
                .value("file", file)
                .value("compression", BackupFiles.compressionOption(facts.server().product()))
                .script(ScriptKind.TSQL, "backup-full.sql")
                .build();
        String summary = "Take a full backup of " + Why.quoted(db) + " without COPY_ONLY."
                + (dir ? "" : " The backup directory is the sqlcmd variable " + BackupFiles.DIR_VARIABLE
                        + "; give --backup-dir to make this step appliable.");
        return new Remediation(summary, List.of(step));
    }

    public LogChainCheck() {
        super(META);
    }
}
