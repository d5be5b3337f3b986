// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the version checks' metadata shares: id {@code MIL-<row>}, area VERSION, instance scope, since 0.1.0. */
final class VersionMeta {

    static final Set<Direction> BOTH = EnumSet.allOf(Direction.class);
    static final String OVERVIEW =
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-feature-overview";
    static final String FAILOVER =
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-failover-how-to";

    private VersionMeta() {
    }

    static CheckMetadata meta(String specRow, String title, Severity severity, Set<Direction> directions,
                              boolean fixable, String docsUrl, String rationale) {
        return new CheckMetadata("MIL-" + specRow, title, Area.VERSION, Scope.INSTANCE, severity, directions,
                rationale, docsUrl, List.of(specRow), "0.1.0", fixable, List.of());
    }
}
