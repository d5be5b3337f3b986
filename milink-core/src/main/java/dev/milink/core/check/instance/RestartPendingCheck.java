// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** MIL-I7: no restart is pending, i.e. the persisted startup trace flags are the running ones. */
public final class RestartPendingCheck extends InstanceCheck {

    public static final CheckMetadata META = InstanceMeta.meta("I7", "No restart is pending for startup settings",
            Area.INSTANCE, Severity.WARNING, InstanceMeta.BOTH, true, InstanceMeta.PREPARATION, """
            Enabling Always On and adding startup trace flags take effect only after the SQL Server service \
            restarts. Compares the trace flags persisted as startup parameters (registry, read through \
            sys.dm_server_registry) with the flags running now (DBCC TRACESTATUS(-1)); a persisted flag that is \
            not running means the restart has not happened yet (or the flag was turned off with DBCC TRACEOFF). \
            Limits: the persisted Always On setting is not collected, so a pending HADR restart shows as MIL-I3 \
            failing (IsHadrEnabled reports the running state), which is why this check is a warning; on Linux \
            the startup parameters come from the error log of the last start, so a pending mssql.conf change \
            cannot be seen and the result is UNKNOWN with the commands to compare by hand.""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.runningTraceFlags().isKnown()) {
            return finding.unreadable("Running trace flags", s.runningTraceFlags());
        }
        if (!s.startupParameters().isKnown()) {
            return finding.unknown("Startup parameters could not be read: " + s.startupParameters().reason()
                    + ". " + TraceFlagCheck.verifyHint(Platform.of(s)) + " Compare with DBCC TRACESTATUS(-1).");
        }
        if (TraceFlagCheck.isErrorLog(s.startupParameters())) {
            return finding.unknown("The persisted configuration (mssql.conf) cannot be read over T-SQL; "
                    + "the error log shows only the parameters of the last start. "
                    + TraceFlagCheck.verifyHint(Platform.LINUX) + ", and compare with DBCC TRACESTATUS(-1).");
        }
        Set<Integer> running = s.runningTraceFlags().orElse(Set.of());
        Set<Integer> persisted = s.startupParameters().asOptional().orElseThrow().traceFlags();
        Set<Integer> pending = new TreeSet<>(persisted);
        pending.removeAll(running);
        String started = s.startTime().asOptional().map(t -> "; instance started " + t).orElse("");
        Evidence evidence = Evidence.of("startup trace flags: " + list(persisted) + "; running: " + list(running)
                + started, "every startup trace flag running");
        if (pending.isEmpty()) {
            return finding.pass("Every startup trace flag is running; no restart is pending for them.",
                    evidence);
        }
        return finding.warn("Startup trace flag(s) " + list(pending) + " are not running: the service has "
                        + "not been restarted since they were added, or they were turned off with DBCC TRACEOFF.",
                evidence, new Remediation("Restart the SQL Server service in a maintenance window.",
                        List.of(Restart.step(facts))));
    }

    private static String list(Set<Integer> flags) {
        return flags.isEmpty() ? "none"
                : new TreeSet<>(flags).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public RestartPendingCheck() {
        super(META);
    }
}
