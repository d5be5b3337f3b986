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

/** MIL-V4: SQL Server 2022 supports T-SQL failover of the link. Spec row V4. */
public final class SqlServer2022TsqlFailoverBuildCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-V4",
            "SQL Server 2022 supports T-SQL failover of the link",
            Area.VERSION, Scope.INSTANCE, Severity.WARNING, Set.of(Direction.SQL_TO_MI, Direction.MI_TO_SQL),
            "Failing a link over with `ALTER AVAILABILITY GROUP … FAILOVER` needs SQL Server 2022 CU13 "
            + "(16.0.4125.3, KB5036432) or later. The link itself works on older builds and can be failed over by "
            + "the other methods in the failover guide, so a miss is a warning rather than a blocker. Instances of "
            + "other major versions are SKIPPED.",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-failover-how-to",
            List.of("V4"), "0.1.0", true, List.of());

    private static final MinimumBuildRule RULE = new MinimumBuildRule(META, 16, LinkPurpose.TSQL_FAILOVER);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        return List.of(RULE.evaluate(facts, context));
    }
}
