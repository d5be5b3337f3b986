// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.ServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MIL-I14: SQL Server Agent is running (needed by the Agent-based network test on the SQL Server side). */
public final class AgentRunningCheck extends InstanceCheck {

    private static final String LINUX_CAVEAT = " On Linux, Agent cannot run PowerShell job steps, so the "
            + "Agent-based SQL Server to managed instance test is unavailable; test from the host instead "
            + "(milink network).";

    public static final CheckMetadata META = InstanceMeta.meta("I14", "SQL Server Agent is running",
            Area.INSTANCE, Severity.WARNING, InstanceMeta.BOTH, true, InstanceMeta.PREPARATION, """
            The documented T-SQL connectivity test runs as temporary SQL Server Agent jobs, so Agent must be \
            running; the link itself does not need it. Reads sys.dm_server_services. On Linux, Agent cannot run \
            PowerShell job steps, so that test is unavailable there whatever Agent's state; milink's own host \
            probe covers it.""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.services().isKnown()) {
            return finding.unreadable("Services", s.services());
        }
        Platform platform = Platform.of(s);
        String caveat = platform == Platform.LINUX ? LINUX_CAVEAT : "";
        Optional<ServiceInfo> agent = s.services().orElse(List.of()).stream().filter(ServiceInfo::isAgent)
                .findFirst();
        if (agent.isEmpty()) {
            return finding.unknown("sys.dm_server_services lists no SQL Server Agent service (editions "
                    + "such as Express have none)." + caveat);
        }
        ServiceInfo a = agent.get();
        Evidence evidence = Evidence.of(a.name() + ": " + a.status() + ", startup " + a.startupType(), "Running");
        if ("Running".equalsIgnoreCase(a.status())) {
            return finding.pass("SQL Server Agent is running." + caveat, evidence);
        }
        return finding.warn("SQL Server Agent is " + a.status() + "." + caveat, evidence,
                new Remediation("Start SQL Server Agent.", steps(facts, platform)));
    }

    private static List<FixStep> steps(Facts facts, Platform platform) {
        InstanceNames names = InstanceNames.of(facts.server());
        Map<String, String> values = Map.of("agentService", names.agentService());
        List<FixStep> steps = new ArrayList<>();
        if (platform.mayBeWindows()) {
            steps.add(Fixes.manual(META.id(), facts, "start-agent-windows", "Start SQL Server Agent ("
                    + names.agentService() + ")", Phase.HOST, Fixes.HOST_AGENT, false,
                    List.of(Fixes.script(ScriptKind.WINDOWS_POWERSHELL, META.id(), "start-agent-windows.ps1",
                            values))));
        }
        if (platform.mayBeLinux()) {
            steps.add(Fixes.manual(META.id(), facts, "enable-agent-linux", "Enable SQL Server Agent (Linux)",
                    Phase.HOST, Fixes.HOST_AGENT, true, List.of(Fixes.script(ScriptKind.LINUX_SHELL, META.id(),
                            "start-agent-linux.sh", values))));
            steps.add(Restart.step(facts));
        }
        return steps;
    }

    public AgentRunningCheck() {
        super(META);
    }
}
