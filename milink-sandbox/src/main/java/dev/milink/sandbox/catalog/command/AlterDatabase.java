// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.scenario.Scenario;
import java.util.List;
import java.util.Set;

/**
 * {@code ALTER DATABASE … SET …} for the options readiness fixes use: RECOVERY, READ_ONLY/READ_WRITE, user access,
 * AUTO_CLOSE, broker, ACCELERATED_DATABASE_RECOVERY (2019+), ONLINE/OFFLINE, TRUSTWORTHY, PAGE_VERIFY.
 */
final class AlterDatabase {
    /** Options that work on a read-only or offline database (they are how you leave that state). */
    private static final Set<String> STATE_OPTIONS = Set.of("READ_WRITE", "READ_ONLY", "ONLINE", "OFFLINE",
            "MULTI_USER", "SINGLE_USER", "RESTRICTED_USER", "EMERGENCY");

    private AlterDatabase() {}

    static void run(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("DATABASE");
        String name = c.accept("CURRENT") ? ctx.database() : c.name();
        Scenario.Database db = ctx.scenario().database(name);
        if (db == null || !(ctx.sysadmin() || ctx.instance().hasPermission(ctx.principal(), "ALTER ANY DATABASE"))) {
            throw failed(5011, 9, 14, "User does not have permission to alter database '" + name
                    + "', the database does not exist, or the database is not in a state that allows access checks.");
        }
        c.expect("SET");
        boolean rollback = false;
        do {
            String option = c.name().toUpperCase(java.util.Locale.ROOT);
            checkState(ctx, db, option);
            apply(ctx, db, option, c);
        } while (c.acceptSymbol(","));
        if (c.accept("WITH")) {
            rollback = c.accept("ROLLBACK");
            c.rest();
        }
        if (rollback) {
            sink.info(5060, 1, 10, "Nonqualified transactions are being rolled back. Estimated rollback completion: 100%.");
        }
        sink.done();
    }

    private static void checkState(CommandContext ctx, Scenario.Database db, String option) throws TsqlException {
        if (STATE_OPTIONS.contains(option)) {
            return;
        }
        if (!db.online()) {
            throw failed(942, 4, 14, "Database '" + db.name + "' cannot be opened because it is offline.");
        }
        if (db.readOnly && !"AUTO_CLOSE".equals(option)) {
            throw failed(5004, 1, 16, "To use ALTER DATABASE, the database must be in a writable state in which a "
                    + "checkpoint can be executed.");
        }
    }

    private static void apply(CommandContext ctx, Scenario.Database db, String option, TokenCursor c)
            throws TsqlException {
        switch (option) {
            case "RECOVERY" -> {
                String model = c.name().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("FULL", "SIMPLE", "BULK_LOGGED").contains(model)) {
                    throw TsqlException.syntax(model, 1);
                }
                if ("SIMPLE".equals(model) && db.availabilityGroup != null) {
                    throw failed(1468, 1, 16, "The operation cannot be performed on database \"" + db.name
                            + "\" because it is involved in a database mirroring session or an availability group. "
                            + "Some operations are not allowed on a database that is participating in a database "
                            + "mirroring session or in an availability group.");
                }
                if ("SIMPLE".equals(model)) {
                    db.lastLogBackupLsn = null; // switching to SIMPLE breaks the log chain
                }
                db.recovery = model;
            }
            case "READ_ONLY", "READ_WRITE" -> db.readOnly = "READ_ONLY".equals(option);
            case "MULTI_USER", "SINGLE_USER", "RESTRICTED_USER" -> db.userAccess = option;
            case "ONLINE", "OFFLINE", "EMERGENCY" -> db.state = option;
            case "AUTO_CLOSE" -> db.autoClose = onOff(c);
            case "TRUSTWORTHY" -> db.trustworthy = onOff(c);
            case "ENABLE_BROKER", "NEW_BROKER" -> db.brokerEnabled = true;
            case "DISABLE_BROKER" -> db.brokerEnabled = false;
            case "ALLOW_SNAPSHOT_ISOLATION" -> db.snapshotIsolation = onOff(c);
            case "READ_COMMITTED_SNAPSHOT" -> db.readCommittedSnapshot = onOff(c);
            case "PAGE_VERIFY" -> db.pageVerify = c.name().toUpperCase(java.util.Locale.ROOT);
            case "COMPATIBILITY_LEVEL" -> {
                c.expectSymbol("=");
                db.compatibilityLevel = Integer.parseInt(c.next().text());
            }
            case "ACCELERATED_DATABASE_RECOVERY" -> {
                if (!ctx.scenario().isManagedInstance() && ctx.scenario().majorVersion() < 15) {
                    throw TsqlException.syntax("ACCELERATED_DATABASE_RECOVERY", 1);
                }
                c.expectSymbol("=");
                db.acceleratedDatabaseRecovery = onOff(c);
                c.rest();
            }
            default -> throw TsqlException.syntax(option, 1);
        }
    }

    private static boolean onOff(TokenCursor c) throws TsqlException {
        c.acceptSymbol("=");
        if (c.accept("ON")) {
            return true;
        }
        c.expect("OFF");
        return false;
    }

    /** The error followed by 5069 "ALTER DATABASE statement failed.", as SQL Server sends them. */
    private static TsqlException failed(int number, int state, int severity, String message) {
        return new TsqlException(List.of(new SqlError(number, state, severity, message),
                new SqlError(5069, 1, 16, "ALTER DATABASE statement failed.")));
    }
}
