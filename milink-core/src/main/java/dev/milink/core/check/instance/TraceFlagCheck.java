// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.StartupParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape shared by the startup trace-flag checks (MIL-I5, MIL-I6): the flag must be on now
 * ({@code DBCC TRACESTATUS(-1)}) and persisted as a {@code -T} startup parameter. The two are judged apart, so
 * "on now but lost at the next restart" and "persisted but waiting for a restart" are different findings with
 * different fixes.
 */
abstract class TraceFlagCheck extends InstanceCheck {

    private static final String FOLDER = "MIL-I5-I6";

    private final CheckMetadata meta;
    private final int flag;

    TraceFlagCheck(CheckMetadata meta, int flag) {
        super(meta);
        this.meta = meta;
        this.flag = flag;
    }

    @Override
    protected final Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        Fact<Boolean> running = s.runningTraceFlags().map(flags -> flags.contains(flag));
        Fact<Boolean> persisted = s.startupParameters().map(p -> p.traceFlags().contains(flag));
        String expected = "on globally and persisted as startup parameter -T" + flag;
        Evidence evidence = Evidence.of("running: " + describe(running, "on", "off") + "; startup parameters"
                + source(s) + ": " + describe(persisted, "-T" + flag + " present", "-T" + flag + " absent"), expected);

        if (running instanceof Fact.Unknown<Boolean> && persisted instanceof Fact.Unknown<Boolean>) {
            return finding.unknown("Trace flag " + flag + " could not be judged: running flags unknown ("
                    + running.reason() + "); startup parameters unknown (" + persisted.reason() + "). "
                    + verifyHint(Platform.of(s)));
        }
        boolean on = running.orElse(false);
        if (persisted instanceof Fact.Unknown<Boolean>) {
            return on
                    ? finding.unknown("Trace flag " + flag + " is on now, but whether it is a startup parameter "
                            + "(and so survives a restart) could not be read: " + persisted.reason() + ". "
                            + verifyHint(Platform.of(s)))
                    : finding.warn("Trace flag " + flag + " is off; whether it is a startup parameter could not "
                            + "be read (" + persisted.reason() + "). " + verifyHint(Platform.of(s)),
                            evidence, remediation(facts, true, true));
        }
        boolean inStartup = persisted.orElse(false);
        if (running instanceof Fact.Unknown<Boolean>) {
            return inStartup
                    ? finding.unknown("Trace flag " + flag + " is a startup parameter, but whether it is on now "
                            + "could not be read: " + running.reason() + ".")
                    : finding.warn("Trace flag " + flag + " is not a startup parameter; whether it is on now could "
                            + "not be read (" + running.reason() + ").", evidence, remediation(facts, true, true));
        }
        if (on && inStartup) {
            return finding.pass("Trace flag " + flag + " is on globally and is a startup parameter.", evidence);
        }
        if (on) {
            return finding.warn("Trace flag " + flag + " is on now but is not a startup parameter, so the next "
                    + "restart turns it off." + errorLogCaveat(s), evidence, remediation(facts, false, true));
        }
        if (inStartup) {
            return finding.warn("Trace flag " + flag + " is a startup parameter but is not on: a restart is "
                    + "pending (see MIL-I7), or it was turned off with DBCC TRACEOFF.", evidence,
                    remediation(facts, true, false));
        }
        return finding.warn("Trace flag " + flag + " is neither on nor a startup parameter.", evidence,
                remediation(facts, true, true));
    }

    private Remediation remediation(Facts facts, boolean turnOnNow, boolean persist) {
        List<FixStep> steps = new ArrayList<>();
        if (persist) {
            steps.add(persistStep(facts));
            steps.add(Restart.step(facts));
        }
        if (turnOnNow) {
            steps.add(Fixes.appliableTsql(meta.id(), facts, "trace-on-" + flag,
                    "Turn trace flag " + flag + " on now (until the next restart)", Fixes.SQL_TRACE_ON,
                    Fixes.script(ScriptKind.TSQL, FOLDER, "traceon.sql", Map.of("flag", String.valueOf(flag)))));
        }
        String summary = persist && turnOnNow
                ? "Add -T" + flag + " to the startup parameters and turn the flag on now with DBCC TRACEON."
                : persist ? "Add -T" + flag + " to the startup parameters so it survives restarts."
                : "Turn the flag on now with DBCC TRACEON, or restart the service (MIL-I7).";
        return new Remediation(summary, steps);
    }

    private FixStep persistStep(Facts facts) {
        Platform platform = Platform.of(facts.server());
        InstanceNames names = InstanceNames.of(facts.server());
        Map<String, String> values = Map.of("flag", String.valueOf(flag),
                "instanceName", names.instanceName(), "serviceName", names.engineService());
        List<Script> scripts = new ArrayList<>();
        if (platform.mayBeWindows()) {
            scripts.add(Fixes.script(ScriptKind.CONFIGURATION_MANAGER, FOLDER, "persist-windows.txt", values));
            scripts.add(Fixes.script(ScriptKind.WINDOWS_POWERSHELL, FOLDER, "persist-windows.ps1", values));
        }
        if (platform.mayBeLinux()) {
            scripts.add(Fixes.script(ScriptKind.LINUX_SHELL, FOLDER, "persist-linux.sh", values));
        }
        return Fixes.manual(meta.id(), facts, "startup-trace-flag-" + flag,
                "Add startup parameter -T" + flag + (names.assumed() ? " (instance name unknown; default instance"
                        + " assumed)" : ""), Phase.HOST, Fixes.HOST_TRACE_FLAGS, true, scripts);
    }

    private static String describe(Fact<Boolean> fact, String yes, String no) {
        return fact.asOptional().map(b -> b ? yes : no).orElse("unknown");
    }

    private static String source(ServerFacts s) {
        return s.startupParameters().asOptional().map(p -> " (" + p.source() + ")").orElse("");
    }

    /** On Linux the startup parameters come from the error log, which shows the last start, not mssql.conf. */
    private static String errorLogCaveat(ServerFacts s) {
        return isErrorLog(s.startupParameters())
                ? " The startup parameters were read from the error log of the last start; a change made with "
                        + "mssql-conf since then shows only after a restart."
                : "";
    }

    static boolean isErrorLog(Fact<StartupParameters> parameters) {
        return parameters.asOptional().map(p -> "errorlog".equalsIgnoreCase(p.source())).orElse(false);
    }

    /** How a DBA checks the persisted trace flags by hand. */
    static String verifyHint(Platform platform) {
        String linux = "on Linux run 'sudo /opt/mssql/bin/mssql-conf get traceflag' or "
                + "'sudo cat /var/opt/mssql/mssql.conf' and look at the [traceflag] section";
        String windows = "on Windows open SQL Server Configuration Manager > SQL Server service > Properties > "
                + "Startup Parameters, or run SELECT value_name, value_data FROM sys.dm_server_registry WHERE "
                + "registry_key LIKE N'%MSSQLServer\\Parameters' (needs VIEW SERVER STATE)";
        return "To verify: " + switch (platform) {
            case LINUX -> linux;
            case WINDOWS -> windows;
            case UNKNOWN -> windows + "; " + linux;
        } + ".";
    }

}
