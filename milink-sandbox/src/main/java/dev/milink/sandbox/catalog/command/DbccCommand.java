// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.scenario.ErrorLogLine;
import dev.milink.sandbox.scenario.Scenario;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** DBCC TRACEON / TRACEOFF / TRACESTATUS and DBCC SQLPERF(LOGSPACE). */
final class DbccCommand {
    private static final String COMPLETED = "DBCC execution completed. If DBCC printed error messages, contact your "
            + "system administrator.";

    private DbccCommand() {}

    static void run(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        String command = c.name().toUpperCase(Locale.ROOT);
        List<Integer> args = new ArrayList<>();
        String word = null;
        if (c.acceptSymbol("(")) {
            while (!c.acceptSymbol(")")) {
                Token t = c.next();
                if (t.isSymbol(",")) {
                    continue;
                }
                if (t.isSymbol("-")) {
                    args.add(-Integer.parseInt(c.next().text()));
                } else if (t.kind() == Token.Kind.NUMBER) {
                    args.add(Integer.parseInt(t.text()));
                } else {
                    word = t.value().toUpperCase(Locale.ROOT);
                }
            }
        }
        boolean quiet = c.accept("WITH") && c.accept("NO_INFOMSGS");
        Scenario s = ctx.scenario();
        switch (command) {
            case "TRACEON", "TRACEOFF" -> trace(ctx, command, args, sink);
            case "TRACESTATUS" -> traceStatus(ctx, args, sink);
            case "SQLPERF" -> {
                if (!"LOGSPACE".equals(word)) {
                    throw TsqlException.of(2526, 3, 16, "Incorrect DBCC statement. Check the documentation for the "
                            + "correct DBCC syntax and options.");
                }
                if (!ctx.instance().hasPermission(ctx.principal(), "VIEW SERVER STATE")) {
                    throw new TsqlException(List.of(new dev.milink.sandbox.engine.SqlError(300, 1, 14,
                            "VIEW SERVER STATE permission was denied on object 'server', database 'master'."),
                            new dev.milink.sandbox.engine.SqlError(297, 1, 16,
                                    "The user does not have permission to perform this action.")));
                }
                List<Object[]> rows = new ArrayList<>();
                for (Scenario.Database d : s.databases) {
                    if (d.online()) {
                        double mb = d.files.stream().filter(f -> "LOG".equals(f.type)).mapToLong(f -> f.sizeMb).sum();
                        rows.add(new Object[] {d.name, mb, d.logUsedPercent, 0});
                    }
                }
                sink.resultSet(List.of(Column.of("Database Name", SqlType.nvarchar(128)),
                        Column.of("Log Size (MB)", SqlType.FLOAT), Column.of("Log Space Used (%)", SqlType.FLOAT),
                        Column.of("Status", SqlType.INT)), rows);
            }
            default -> throw TsqlException.of(2526, 3, 16, "Incorrect DBCC statement. Check the documentation for the "
                    + "correct DBCC syntax and options.");
        }
        if (!quiet) {
            sink.info(2528, 1, 0, COMPLETED);
        }
        sink.done();
    }

    private static void trace(CommandContext ctx, String command, List<Integer> args, ResultSink sink)
            throws TsqlException {
        if (!ctx.sysadmin()) {
            throw TsqlException.of(2571, 3, 14, "User '" + ctx.principal().name + "' does not have permission to run "
                    + "DBCC " + command + ".");
        }
        boolean global = args.contains(-1);
        List<Integer> flags = args.stream().filter(f -> f != -1).toList();
        List<Integer> target = global ? ctx.scenario().traceFlags.running : ctx.sessionTraceFlags();
        for (Integer f : flags) {
            if ("TRACEON".equals(command)) {
                if (!target.contains(f)) {
                    target.add(f);
                }
                if (global) {
                    ErrorLogLine line = new ErrorLogLine();
                    line.date = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
                    line.process = "spid" + ctx.spid();
                    line.text = "DBCC TRACEON " + f + ", server process ID (SPID) " + ctx.spid()
                            + ". This is an informational message only; no user action is required.";
                    ctx.scenario().errorLog.add(line);
                }
            } else {
                target.remove(f);
            }
        }
    }

    /** DBCC TRACESTATUS result: TraceFlag, Status, Global, Session. */
    private static void traceStatus(CommandContext ctx, List<Integer> args, ResultSink sink) {
        List<Integer> global = ctx.scenario().traceFlags.running;
        List<Integer> session = ctx.sessionTraceFlags();
        List<Integer> asked = args.stream().filter(f -> f != -1).toList();
        TreeSet<Integer> flags = new TreeSet<>();
        if (asked.isEmpty()) {
            flags.addAll(global);
            if (!args.contains(-1)) {
                flags.addAll(session);
            }
        } else {
            flags.addAll(asked);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Integer f : flags) {
            int g = global.contains(f) ? 1 : 0;
            int s = session.contains(f) ? 1 : 0;
            rows.add(new Object[] {f, g == 1 || s == 1 ? 1 : 0, g, s});
        }
        sink.resultSet(List.of(Column.of("TraceFlag", SqlType.SMALLINT), Column.of("Status", SqlType.SMALLINT),
                Column.of("Global", SqlType.SMALLINT), Column.of("Session", SqlType.SMALLINT)), rows);
    }
}
