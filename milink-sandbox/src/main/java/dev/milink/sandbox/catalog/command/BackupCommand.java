// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.SandboxFileSystem;
import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.scenario.Backup;
import dev.milink.sandbox.scenario.DbFile;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BACKUP DATABASE / BACKUP LOG to DISK or URL: checks what SQL Server checks (database, permission, path,
 * edition, recovery model, log chain), streams the STATS progress and the 4035/3014 messages, and records the
 * backup in msdb through {@link BackupChain}.
 */
final class BackupCommand {
    private BackupCommand() {}

    private record Options(boolean checksum, boolean compression, int stats, boolean copyOnly, boolean init,
                           boolean differential) {}

    static void run(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        boolean log = c.accept("LOG");
        if (!log) {
            c.expect("DATABASE");
        }
        String kind = log ? "BACKUP LOG" : "BACKUP DATABASE";
        String name = c.name();
        c.expect("TO");
        List<String> devices = new ArrayList<>();
        do {
            String type = c.name().toUpperCase(Locale.ROOT);
            if (!List.of("DISK", "URL", "TAPE").contains(type)) {
                throw TsqlException.syntax(type, 1);
            }
            c.expectSymbol("=");
            devices.add(ctx.evaluate(c.expression("WITH")).toString());
        } while (c.acceptSymbol(","));
        Options o = options(ctx, c);
        Scenario.Database db = ctx.scenario().database(name);
        if (db == null) {
            throw failed(kind, 911, 11, 16, "Database '" + name + "' does not exist. Make sure that the name is "
                    + "entered correctly.");
        }
        if ("tempdb".equalsIgnoreCase(db.name)) {
            throw failed(kind, 3147, 1, 16, "Backup and restore operations are not allowed on database tempdb.");
        }
        if (!ctx.sysadmin()) {
            throw failed(kind, 262, 1, 14, kind + " permission denied in database '" + db.name + "'.");
        }
        if (!db.online()) {
            throw failed(kind, 942, 4, 14, "Database '" + db.name + "' cannot be opened because it is offline.");
        }
        Scenario s = ctx.scenario();
        String edition = s.server.edition.toLowerCase(Locale.ROOT);
        if (o.compression && (edition.contains("express") || edition.contains("web"))) {
            throw failed(kind, 1844, 1, 16, kind + " WITH COMPRESSION is not supported on " + s.server.edition + ".");
        }
        SandboxFileSystem fs = new SandboxFileSystem(s);
        for (String device : devices) {
            boolean url = device.regionMatches(true, 0, "https://", 0, 8);
            if (!url && !fs.parentExists(device)) {
                throw failed(kind, 3201, 1, 16, "Cannot open backup device '" + device + "'. Operating system error "
                        + (s.isLinux() ? "2(The system cannot find the file specified.)." 
                                : "3(The system cannot find the path specified.)."));
            }
        }
        if (log && "SIMPLE".equals(db.recovery)) {
            throw failed(kind, 4208, 1, 16, "The statement BACKUP LOG is not allowed while the recovery model is "
                    + "SIMPLE. Use BACKUP DATABASE or change the recovery model using ALTER DATABASE.");
        }
        if (log && db.lastLogBackupLsn == null) {
            throw failed(kind, 4214, 1, 16, "BACKUP LOG cannot be performed because there is no current database "
                    + "backup.");
        }
        if (o.differential && BackupChain.baseFull(db) == null) {
            throw failed(kind, 3035, 1, 16, "Cannot perform a differential backup for database \"" + db.name
                    + "\", because a current database backup does not exist. Perform a full database backup by "
                    + "reissuing BACKUP DATABASE, omitting the WITH DIFFERENTIAL option.");
        }
        Backup b = new Backup();
        b.type = log ? "L" : o.differential ? "I" : "D";
        b.copyOnly = o.copyOnly;
        b.checksum = o.checksum;
        b.compressed = o.compression;
        b.device = devices.get(0);
        b.position = o.init ? 1 : position(s, b.device);
        BackupChain.record(s, db, b);
        if (log && !o.copyOnly) {
            ctx.instance().link().sqlLogBackup(db.name);
        }
        for (String device : devices) {
            fs.addFile(device);
        }
        progress(kind, db, b, o, sink);
    }

    private static Options options(CommandContext ctx, TokenCursor c) throws TsqlException {
        boolean checksum = ctx.scenario().configurations.getOrDefault("backup checksum default", 0) == 1;
        boolean compression = ctx.scenario().configurations.getOrDefault("backup compression default", 0) == 1;
        int stats = 0;
        boolean copyOnly = false;
        boolean init = false;
        boolean differential = false;
        if (c.accept("WITH")) {
            do {
                String o = c.name().toUpperCase(Locale.ROOT);
                switch (o) {
                    case "CHECKSUM" -> checksum = true;
                    case "NO_CHECKSUM" -> checksum = false;
                    case "COMPRESSION" -> compression = true;
                    case "NO_COMPRESSION" -> compression = false;
                    case "COPY_ONLY" -> copyOnly = true;
                    case "INIT", "FORMAT" -> init = true;
                    case "DIFFERENTIAL" -> differential = true;
                    case "STATS" -> stats = c.acceptSymbol("=") ? ((Number) ctx.evaluate(c.expression())).intValue() : 10;
                    case "NAME", "DESCRIPTION", "MEDIANAME", "MEDIADESCRIPTION", "BUFFERCOUNT", "MAXTRANSFERSIZE",
                         "BLOCKSIZE", "EXPIREDATE", "RETAINDAYS", "CREDENTIAL" -> {
                        c.expectSymbol("=");
                        c.expression();
                    }
                    case "NOINIT", "NOFORMAT", "SKIP", "NOSKIP", "REWIND", "NOREWIND", "UNLOAD", "NOUNLOAD",
                         "CONTINUE_AFTER_ERROR", "STOP_ON_ERROR", "NO_TRUNCATE" -> {
                        // accepted, nothing to simulate
                    }
                    default -> throw TsqlException.syntax(o, 1);
                }
            } while (c.acceptSymbol(","));
        }
        return new Options(checksum, compression, stats, copyOnly, init, differential);
    }

    private static int position(Scenario s, String device) {
        int n = 0;
        for (Scenario.Database d : s.databases) {
            for (Backup b : d.backups) {
                if (device.equalsIgnoreCase(b.device)) {
                    n = Math.max(n, b.position);
                }
            }
        }
        return n + 1;
    }

    private static void progress(String kind, Scenario.Database db, Backup b, Options o, ResultSink sink) {
        if (o.stats > 0) {
            for (int p = o.stats; p <= 100; p += o.stats) {
                sink.info(3211, 1, 0, p + " percent processed.");
            }
        }
        long total = 0;
        for (DbFile f : db.files) {
            boolean logFile = "LOG".equals(f.type);
            if ("L".equals(b.type) != logFile && !logFile) {
                continue;
            }
            long pages = !logFile ? f.sizeMb * 128 * 2 / 5 : "L".equals(b.type) ? 2 + b.sizeBytes / 8192 : 2;
            total += pages;
            sink.info(4035, 1, 0, "Processed " + pages + " pages for database '" + db.name + "', file '" + f.name
                    + "' on file " + b.position + ".");
        }
        double seconds = 0.123;
        double mbPerSec = total * 8192.0 / 1_048_576.0 / seconds;
        sink.info(3014, 1, 0, kind + " successfully processed " + total + " pages in " + String.format(Locale.ROOT,
                "%.3f", seconds) + " seconds (" + String.format(Locale.ROOT, "%.3f", mbPerSec) + " MB/sec).");
        sink.done();
    }

    /** The error followed by 3013 "… is terminating abnormally." */
    private static TsqlException failed(String kind, int number, int state, int severity, String message) {
        return new TsqlException(List.of(new SqlError(number, state, severity, message),
                new SqlError(3013, 1, 16, kind + " is terminating abnormally.")));
    }
}
