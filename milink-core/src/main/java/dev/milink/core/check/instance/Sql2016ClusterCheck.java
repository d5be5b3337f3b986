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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** MIL-I4: on SQL Server 2016 the host is a WSFC node and NT AUTHORITY\SYSTEM holds the availability group rights. */
public final class Sql2016ClusterCheck extends InstanceCheck {

    static final List<String> SYSTEM_PERMISSIONS =
            List.of("ALTER ANY AVAILABILITY GROUP", "CONNECT SQL", "VIEW SERVER STATE");

    public static final CheckMetadata META = InstanceMeta.meta("I4",
            "SQL Server 2016: host is a WSFC node and NT AUTHORITY\\SYSTEM has availability group rights",
            Area.INSTANCE, Severity.BLOCKER, InstanceMeta.SQL_TO_MI, true, InstanceMeta.PREPARATION_WSFC, """
            SQL Server 2016 can enable Always On only on a Windows Server Failover Cluster node (a single-node \
            cluster is enough), and creates availability groups through the cluster service as NT AUTHORITY\\SYSTEM, \
            which needs ALTER ANY AVAILABILITY GROUP, CONNECT SQL and VIEW SERVER STATE. Reads the product \
            version, sys.dm_hadr_cluster and sys.server_permissions for NT AUTHORITY\\SYSTEM. Applies only to \
            SQL Server 2016 (13.x); later versions create the link's availability group with CLUSTER_TYPE = NONE.""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.product().isKnown()) {
            return finding.unreadable("The SQL Server version", s.product());
        }
        if (!HadrCheck.isSql2016(s)) {
            return finding.skipped("Applies only to SQL Server 2016 (13.x); this instance runs "
                    + s.product().asOptional().orElseThrow().version() + ".");
        }
        List<String> problems = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        List<FixStep> steps = new ArrayList<>();
        String cluster = s.wsfc().asOptional().map(w -> w.present() ? "node of cluster " + w.clusterName()
                : "not a cluster node").orElse("cluster unknown");
        if (!s.wsfc().isKnown()) {
            unknowns.add("cluster membership (" + s.wsfc().reason() + ")");
        } else if (!s.wsfc().asOptional().orElseThrow().present()) {
            problems.add("the host is not a Windows Server Failover Cluster node");
            steps.add(Fixes.manual(META.id(), facts, "create-cluster", "Create a single-node failover cluster",
                    Phase.HOST, Fixes.HOST_WSFC, false, List.of(Fixes.script(ScriptKind.WINDOWS_POWERSHELL,
                            META.id(), "create-cluster.ps1", Map.of()))));
        }
        List<String> missing = List.of();
        if (!s.systemAccountPermissions().isKnown()) {
            unknowns.add("permissions of NT AUTHORITY\\SYSTEM (" + s.systemAccountPermissions().reason() + ")");
        } else {
            Set<String> granted = s.systemAccountPermissions().asOptional().orElseThrow().stream()
                    .map(p -> p.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            missing = SYSTEM_PERMISSIONS.stream().filter(p -> !granted.contains(p)).toList();
            if (!missing.isEmpty()) {
                problems.add("NT AUTHORITY\\SYSTEM lacks " + String.join(", ", missing));
                steps.add(Fixes.appliableTsql(META.id(), facts, "grant-system",
                        "Grant NT AUTHORITY\\SYSTEM the availability group permissions", Fixes.SQL_GRANTS,
                        Fixes.script(ScriptKind.TSQL, META.id(), "grant-system.sql", Map.of())));
            }
        }
        Evidence evidence = Evidence.of(cluster + "; NT AUTHORITY\\SYSTEM missing: "
                        + (s.systemAccountPermissions().isKnown() ? (missing.isEmpty() ? "nothing"
                        : String.join(", ", missing)) : "unknown"),
                "cluster node; " + String.join(", ", SYSTEM_PERMISSIONS) + " granted to NT AUTHORITY\\SYSTEM");
        String notRead = unknowns.isEmpty() ? "" : " Could not read: " + String.join("; ", unknowns) + ".";
        if (!problems.isEmpty()) {
            return finding.fail("SQL Server 2016: " + String.join("; ", problems) + "." + notRead, evidence,
                    new Remediation("Create a single-node failover cluster first, then grant the permissions.",
                            steps));
        }
        if (!unknowns.isEmpty()) {
            return finding.unknown("SQL Server 2016 prerequisites could not be fully read." + notRead);
        }
        return finding.pass("The host is a failover cluster node and NT AUTHORITY\\SYSTEM has the "
                + "availability group permissions.", evidence);
    }

    public Sql2016ClusterCheck() {
        super(META);
    }
}
