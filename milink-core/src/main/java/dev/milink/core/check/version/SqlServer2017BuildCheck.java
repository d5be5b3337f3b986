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

/** MIL-V6: SQL Server 2017 has CU31 and the Azure Connect pack. Spec row V6. */
public final class SqlServer2017BuildCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-V6",
            "SQL Server 2017 has CU31 and the Azure Connect pack",
            Area.VERSION, Scope.INSTANCE, Severity.BLOCKER, Set.of(Direction.SQL_TO_MI),
            "SQL Server 2017 (14.x) supports a one-way link only with CU31 (14.0.3456.2) plus the SQL Server 2017"
            + " Azure Connect pack (14.0.3490.10, KB5050533) installed, so ProductVersion must be 14.0.3490.10 or "
            + "later; CU31 alone isn't enough and the engine lacks what the link needs (for example "
            + "`sp_certificate_add_issuer`). Documentation up to at least 11/2023 listed 2017 as unsupported. "
            + "Instances of other major versions are SKIPPED.",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-feature-overview",
            List.of("V6"), "0.1.0", true, List.of());

    private static final MinimumBuildRule RULE = new MinimumBuildRule(META, 14, LinkPurpose.CREATE_LINK);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        return List.of(RULE.evaluate(facts, context));
    }
}
