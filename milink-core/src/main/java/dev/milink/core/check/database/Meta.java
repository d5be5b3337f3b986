// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import java.util.List;
import java.util.Set;

/** Metadata shared by the database checks: id from the spec row, area and scope DATABASE, since 0.1.0. */
final class Meta {

    static final Set<Direction> SQL_TO_MI = Set.of(Direction.SQL_TO_MI);
    static final Set<Direction> MI_TO_SQL = Set.of(Direction.MI_TO_SQL);

    private static final String MI = "https://learn.microsoft.com/azure/azure-sql/managed-instance/";
    static final String OVERVIEW = MI + "managed-instance-link-feature-overview";
    static final String PREPARATION = MI + "managed-instance-link-preparation";
    static final String CONFIGURE_SCRIPTS = MI + "managed-instance-link-configure-how-to-scripts";
    static final String CONFIGURE_SSMS = MI + "managed-instance-link-configure-how-to-ssms";
    static final String TROUBLESHOOT = MI + "managed-instance-link-troubleshoot-how-to";
    static final String BEST_PRACTICES = MI + "managed-instance-link-best-practices";
    static final String TDE_MIGRATE = MI + "tde-certificate-migrate";
    static final String AG_PREREQUISITES = "https://learn.microsoft.com/sql/database-engine/availability-groups/"
            + "windows/prereqs-restrictions-recommendations-always-on-availability";

    private Meta() {
    }

    /**
     * @param row spec row, e.g. "D7"; the id becomes {@code MIL-D7}
     */
    static CheckMetadata of(String row, String title, Severity severity, Set<Direction> directions,
                            boolean fixable, String docsUrl, String rationale) {
        return new CheckMetadata("MIL-" + row, title, Area.DATABASE, Scope.DATABASE, severity, directions,
                rationale, docsUrl, List.of(row), "0.1.0", fixable, List.of());
    }
}
