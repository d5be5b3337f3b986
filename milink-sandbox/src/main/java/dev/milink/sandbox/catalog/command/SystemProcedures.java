// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.SandboxFileSystem;
import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.VersionInfo;
import dev.milink.sandbox.catalog.view.Configuration;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.scenario.ErrorLogLine;
import dev.milink.sandbox.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** sp_configure / RECONFIGURE, xp_readerrorlog / sp_readerrorlog, xp_fileexist, xp_create_subdir. */
final class SystemProcedures {
    private SystemProcedures() {}

    static void spConfigure(CommandContext ctx, ProcArgs a, ResultSink sink) throws TsqlException {
        Scenario s = ctx.scenario();
        String name = a.string("@configname", 0);
        Integer value = a.integer("@configvalue", 1);
        boolean advanced = Configuration.find("show advanced options").value(s) == 1;
        List<Configuration> shown = new ArrayList<>();
        if (name == null) {
            Configuration.ALL.stream().filter(c -> advanced || !c.advanced()).forEach(shown::add);
        } else {
            Configuration c = Configuration.find(name);
            if (c == null || (c.advanced() && !advanced)) {
                throw TsqlException.of(15123, 1, 16, "The configuration option '" + name
                        + "' does not exist, or it may be an advanced option.");
            }
            if (value != null) {
                if (!(ctx.sysadmin() || ctx.instance().isMember(ctx.principal(), "serveradmin"))) {
                    throw TsqlException.of(15247, 1, 16, "User does not have permission to perform this action.");
                }
                int old = c.value(s);
                s.configurations.putIfAbsent(c.name() + "|pending", c.valueInUse(s));
                s.configurations.put(c.name(), value);
                sink.info(15457, 1, 0, "Configuration option '" + c.name() + "' changed from " + old + " to " + value
                        + ". Run the RECONFIGURE statement to install.");
                sink.done();
                return;
            }
            shown.add(c);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Configuration c : shown) {
            rows.add(new Object[] {c.name(), c.minimum(), c.maximum(), c.value(s), c.valueInUse(s)});
        }
        sink.resultSet(List.of(Column.of("name", SqlType.nvarchar(35)), Column.of("minimum", SqlType.INT),
                Column.of("maximum", SqlType.INT), Column.of("config_value", SqlType.INT),
                Column.of("run_value", SqlType.INT)), rows);
    }

    static void reconfigure(CommandContext ctx, ResultSink sink) throws TsqlException {
        if (!(ctx.sysadmin() || ctx.instance().isMember(ctx.principal(), "serveradmin"))) {
            throw TsqlException.of(5812, 1, 14, "You do not have permission to run the RECONFIGURE statement.");
        }
        ctx.scenario().configurations.keySet().removeIf(k -> k.endsWith("|pending")
                && Configuration.find(k.substring(0, k.length() - "|pending".length())).dynamic());
        sink.done();
    }

    /** xp_readerrorlog lognum, logtype, search1, search2 (and sp_readerrorlog @p1 … @p4). */
    static void readErrorLog(CommandContext ctx, String proc, ProcArgs a, ResultSink sink) throws TsqlException {
        if (!(ctx.sysadmin() || ctx.instance().isMember(ctx.principal(), "securityadmin"))) {
            throw CommandContext.executeDenied(proc, "xp_readerrorlog".equals(proc) ? "mssqlsystemresource" : "master",
                    "sys");
        }
        boolean sp = "sp_readerrorlog".equals(proc);
        Integer logType = a.integer(sp ? "@p2" : "@logtype", 1);
        String search1 = a.string(sp ? "@p3" : "@search1", 2);
        String search2 = a.string(sp ? "@p4" : "@search2", 3);
        List<Object[]> rows = new ArrayList<>();
        if (logType == null || logType == 1) {
            for (ErrorLogLine line : lines(ctx.scenario())) {
                if (matches(line.text, search1) && matches(line.text, search2)) {
                    rows.add(new Object[] {Values.time(line.date), line.process, line.text});
                }
            }
        }
        sink.resultSet(List.of(Column.of("LogDate", SqlType.DATETIME), Column.of("ProcessInfo", SqlType.nvarchar(100)),
                Column.of("Text", SqlType.nvarchar(4000))), rows);
    }

    private static boolean matches(String text, String search) {
        return search == null || search.isEmpty()
                || text.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }

    /** The startup lines SQL Server writes, then the scenario's own lines and what happened since. */
    private static List<ErrorLogLine> lines(Scenario s) {
        LocalDateTime start = Values.time(s.server.startTime);
        List<ErrorLogLine> out = new ArrayList<>();
        String version = VersionInfo.version(s);
        out.add(line(start, "Server", version.strip()));
        out.add(line(start, "Server", "UTC adjustment: 0:00"));
        out.add(line(start, "Server", "(c) Microsoft Corporation."));
        out.add(line(start, "Server", "All rights reserved."));
        out.add(line(start, "Server", "Server process ID is " + s.server.processId + "."));
        out.add(line(start, "Server", "Authentication mode is MIXED."));
        // Message 17110, one row with a line per argument, the option letter set apart from its value
        // ("-d C:\…\master.mdf" for the registry's "-dC:\…\master.mdf"), as captured error logs show it.
        // Windows lists the registry's SQLArgN values, persisted -T flags included. SQL Server on Linux lists -d, -l
        // and -e; whether it also lists trace flags set with mssql-conf is not documented, and the captured logs
        // show none, so the sandbox lists none (the flags are running: DBCC TRACESTATUS shows them).
        StringBuilder params = new StringBuilder("Registry startup parameters: ");
        s.startupParameters.forEach(p -> params.append("\n\t ").append(spaced(p)));
        if (!s.isLinux()) {
            s.traceFlags.startup.forEach(f -> params.append("\n\t -T ").append(f));
        }
        out.add(line(start, "Server", params.toString()));
        if (!s.isLinux()) {
            out.add(line(start, "Server", "Command Line Startup Parameters:\n\t -s \"" + (s.server.instanceName == null
                    ? "MSSQLSERVER" : s.server.instanceName) + "\""));
        }
        out.addAll(s.errorLog);
        return out;
    }

    private static String spaced(String argument) {
        return argument.length() > 2 && argument.startsWith("-") && argument.charAt(2) != ' '
                ? argument.substring(0, 2) + " " + argument.substring(2) : argument;
    }

    private static ErrorLogLine line(LocalDateTime t, String process, String text) {
        ErrorLogLine l = new ErrorLogLine();
        l.date = t.toString();
        l.process = process;
        l.text = text;
        return l;
    }

    static void fileExist(CommandContext ctx, ProcArgs a, ResultSink sink) throws TsqlException {
        String path = a.required("xp_fileexist", "@filename", 0);
        SandboxFileSystem fs = new SandboxFileSystem(ctx.scenario());
        boolean visible = ctx.sysadmin();
        sink.resultSet(List.of(Column.of("File Exists", SqlType.INT), Column.of("File is a Directory", SqlType.INT),
                Column.of("Parent Directory Exists", SqlType.INT)), List.<Object[]>of(new Object[] {
                    visible && fs.isFile(path) ? 1 : 0, visible && fs.isDirectory(path) ? 1 : 0,
                    visible && fs.parentExists(path) ? 1 : 0}));
    }

    static void createSubdir(CommandContext ctx, ProcArgs a, ResultSink sink) throws TsqlException {
        if (!ctx.sysadmin()) {
            throw CommandContext.executeDenied("xp_create_subdir", "mssqlsystemresource", "sys");
        }
        String path = a.required("xp_create_subdir", "@path", 0);
        SandboxFileSystem fs = new SandboxFileSystem(ctx.scenario());
        List<String> chain = new ArrayList<>();
        for (String p = path; !fs.isDirectory(p) && !fs.parent(p).equals(p); p = fs.parent(p)) {
            chain.add(0, p);
        }
        chain.forEach(fs::addDirectory);
        sink.done();
    }
}
