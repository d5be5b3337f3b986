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

/** MIL-V2: SQL Server 2022 meets the link's minimum build (link from SQL Server). Spec row V2. */
public final class SqlServer2022BuildCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-V2",
            "SQL Server 2022 meets the link's minimum build (link from SQL Server)",
            Area.VERSION, Scope.INSTANCE, Severity.BLOCKER, Set.of(Direction.SQL_TO_MI),
            "SQL Server 2022 (16.x) can be the initial primary of a link from RTM (16.0.1000.6) on Windows Server"
            + " and Linux. Reads `SERVERPROPERTY('ProductVersion')` and compares it with the minimum in the build "
            + "reference data. Instances of other major versions are SKIPPED.",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-feature-overview",
            List.of("V2"), "0.1.0", true, List.of());

    private static final MinimumBuildRule RULE = new MinimumBuildRule(META, 16, LinkPurpose.CREATE_LINK);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        return List.of(RULE.evaluate(facts, context));
    }
}
