// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.buildref.LinkPurpose;
import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import java.util.List;
import java.util.Set;

/** MIL-V7: SQL Server 2016 has SP3 and the Azure Connect pack. Spec row V7. */
public final class SqlServer2016BuildCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-V7",
            "SQL Server 2016 has SP3 and the Azure Connect pack",
            Area.VERSION, Scope.INSTANCE, Severity.BLOCKER, Set.of(Direction.SQL_TO_MI),
            "SQL Server 2016 (13.x) supports a one-way link on Windows Server only, with SP3 (13.0.6300.2, "
            + "KB5003279) plus the SQL Server 2016 Azure Connect pack (13.0.7000.253, KB5014242), so ProductVersion"
            + " must be 13.0.7000.253 or later; SP3 and its security updates (13.0.64xx) alone aren't enough. 2016 "
            + "also needs a Windows Server Failover Cluster (MIL-I4). Instances of other major versions are "
            + "SKIPPED.",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-feature-overview",
            List.of("V7"), "0.1.0", true, List.of());

    private static final MinimumBuildRule RULE = new MinimumBuildRule(META, 13, LinkPurpose.CREATE_LINK);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        return List.of(RULE.evaluate(facts, context));
    }
}
