// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Metadata shared by every instance check: scope INSTANCE, since 0.1.0, no aliases yet. */
final class InstanceMeta {

    static final Set<Direction> BOTH = EnumSet.allOf(Direction.class);
    static final Set<Direction> SQL_TO_MI = EnumSet.of(Direction.SQL_TO_MI);

    static final String PREPARATION =
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-preparation";
    static final String CONFIGURE_SCRIPTS =
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-configure-how-to-scripts";
    static final String PREPARATION_WSFC =
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-preparation-wsfc";
    static final String BEST_PRACTICES =
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-best-practices";
    static final String OVERVIEW =
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-feature-overview";

    private InstanceMeta() {
    }

    static CheckMetadata meta(String specRow, String title, Area area, Severity severity, Set<Direction> directions,
                              boolean fixable, String docsUrl, String rationale) {
        return new CheckMetadata("MIL-" + specRow, title, area, Scope.INSTANCE, severity, directions, rationale,
                docsUrl, List.of(specRow), "0.1.0", fixable, List.of());
    }
}
