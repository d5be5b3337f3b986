// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** MIL-I3: the Always On availability groups feature is enabled (and active). */
public final class HadrCheck extends YesNoCheck {

    public static final CheckMetadata META = InstanceMeta.meta("I3", "Always On availability groups are enabled",
            Area.INSTANCE, Severity.BLOCKER, InstanceMeta.BOTH, true, InstanceMeta.PREPARATION, """
            The link is a distributed availability group, so the Always On feature must be enabled. Reads \
            SERVERPROPERTY('IsHadrEnabled'), which reports the running state: a feature enabled but not yet \
            followed by a restart still fails here. The fix uses SQL Server Configuration Manager or \
            Enable-SqlAlwaysOn on Windows and mssql-conf on Linux, then a restart. SQL Server 2016 can enable \
            the feature only on a Windows Server Failover Cluster node (MIL-I4).""");

    @Override
    Finding notMet(Facts facts, Finding.Builder finding) {
        ServerFacts s = facts.server();
        boolean needsCluster = isSql2016(s) && !s.wsfc().asOptional().map(ServerFacts.Wsfc::present).orElse(false);
        String message = "Always On availability groups are not enabled (or were enabled without a restart since)."
                + (needsCluster ? " SQL Server 2016 can enable them only after the host joins a Windows Server "
                        + "Failover Cluster (MIL-I4)." : "");
        return finding.fail(message, Evidence.of("IsHadrEnabled = 0", "1"), remediation(facts));
    }

    static boolean isSql2016(ServerFacts s) {
        return s.product().asOptional().map(p -> p.version().major() == 13).orElse(false);
    }

    private static Remediation remediation(Facts facts) {
        Platform platform = Platform.of(facts.server());
        InstanceNames names = InstanceNames.of(facts.server());
        Map<String, String> values = Map.of("serviceName", names.engineService(),
                "serverInstance", names.serverInstance());
        List<Script> scripts = new ArrayList<>();
        if (platform.mayBeWindows()) {
            scripts.add(Fixes.script(ScriptKind.CONFIGURATION_MANAGER, META.id(), "enable-windows.txt", values));
            scripts.add(Fixes.script(ScriptKind.WINDOWS_POWERSHELL, META.id(), "enable-windows.ps1", values));
        }
        if (platform.mayBeLinux()) {
            scripts.add(Fixes.script(ScriptKind.LINUX_SHELL, META.id(), "enable-linux.sh", values));
        }
        return new Remediation("Enable Always On availability groups, then restart the SQL Server service.",
                List.of(Fixes.manual(META.id(), facts, "enable-hadr", "Enable Always On availability groups"
                                + (names.assumed() ? " (instance name unknown; default instance assumed)" : ""),
                                Phase.HOST, Fixes.HOST_HADR, true, scripts),
                        Restart.step(facts)));
    }

    public HadrCheck() {
        super(META, ServerFacts::hadrEnabled, "Whether Always On is enabled",
                "Always On availability groups are enabled.", Evidence.of("IsHadrEnabled = 1", "1"));
    }
}
