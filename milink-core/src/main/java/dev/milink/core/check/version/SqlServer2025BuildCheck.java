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

/** MIL-V1: SQL Server 2025 meets the link's minimum build. Spec row V1. */
public final class SqlServer2025BuildCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-V1",
            "SQL Server 2025 meets the link's minimum build",
            Area.VERSION, Scope.INSTANCE, Severity.BLOCKER, Set.of(Direction.SQL_TO_MI, Direction.MI_TO_SQL),
            "SQL Server 2025 (17.x) supports the link in both directions from RTM (17.0.1000.7) on Windows Server"
            + " and Linux. Reads `SERVERPROPERTY('ProductVersion')` and compares it with the minimum in the build "
            + "reference data. Instances of other major versions are SKIPPED.",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-feature-overview",
            List.of("V1"), "0.1.0", true, List.of());

    private static final MinimumBuildRule RULE = new MinimumBuildRule(META, 17, LinkPurpose.CREATE_LINK);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        return List.of(RULE.evaluate(facts, context));
    }
}
