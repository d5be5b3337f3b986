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

/** MIL-V5: SQL Server 2019 meets the link's minimum build. Spec row V5. */
public final class SqlServer2019BuildCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-V5",
            "SQL Server 2019 meets the link's minimum build",
            Area.VERSION, Scope.INSTANCE, Severity.BLOCKER, Set.of(Direction.SQL_TO_MI),
            "SQL Server 2019 (15.x) supports a one-way link from CU20 (15.0.4312.2, KB5024276) for every "
            + "supported edition. Earlier documentation accepted CU15 for Enterprise and Developer and CU17 for "
            + "Standard, and scripts still carry those numbers. Reads `SERVERPROPERTY('ProductVersion')`; the "
            + "minimum comes from the build reference data. Instances of other major versions are SKIPPED.",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-feature-overview",
            List.of("V5"), "0.1.0", true, List.of());

    private static final MinimumBuildRule RULE = new MinimumBuildRule(META, 15, LinkPurpose.CREATE_LINK);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        return List.of(RULE.evaluate(facts, context));
    }
}
