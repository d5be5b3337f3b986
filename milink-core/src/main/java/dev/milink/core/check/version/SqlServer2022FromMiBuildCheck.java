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

/** MIL-V3: SQL Server 2022 meets the minimum build for a link from the managed instance. Spec row V3. */
public final class SqlServer2022FromMiBuildCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-V3",
            "SQL Server 2022 meets the minimum build for a link from the managed instance",
            Area.VERSION, Scope.INSTANCE, Severity.BLOCKER, Set.of(Direction.MI_TO_SQL),
            "When the managed instance is the initial primary, SQL Server 2022 needs CU10 (16.0.4095.4, "
            + "KB5031778) or later, and must not be downgraded below CU10 while such a link exists. Reads "
            + "`SERVERPROPERTY('ProductVersion')`; the minimum comes from the build reference data. Instances of "
            + "other major versions are SKIPPED.",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-preparation",
            List.of("V3"), "0.1.0", true, List.of());

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
