// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Part;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Metadata shared by the Azure checks: id {@code MIL-<row>}, instance scope, since 0.2.0, the parts they read. */
public final class AzureMeta {

    public static final Set<Direction> BOTH = EnumSet.allOf(Direction.class);
    public static final Set<Direction> SQL_TO_MI = EnumSet.of(Direction.SQL_TO_MI);

    private static final String MI = "https://learn.microsoft.com/azure/azure-sql/managed-instance/";
    public static final String PREPARATION = MI + "managed-instance-link-preparation";
    public static final String OVERVIEW = MI + "managed-instance-link-feature-overview";
    public static final String CONFIGURE_SCRIPTS = MI + "managed-instance-link-configure-how-to-scripts";
    public static final String UPDATE_POLICY = MI + "update-policy";
    public static final String RESOURCE_LIMITS = MI + "resource-limits";
    public static final String CONNECTIVITY = MI + "connectivity-architecture-overview";
    public static final String TDE_MIGRATE = MI + "tde-certificate-migrate";

    private AzureMeta() {
    }

    /**
     * @param row   spec row, e.g. "M7"; the id becomes {@code MIL-M7}
     * @param parts the parts of the link the check reads
     */
    public static CheckMetadata of(String row, String title, Area area, Severity severity,
                                   Set<Direction> directions, boolean fixable, String docsUrl, String rationale,
                                   Part... parts) {
        return withId("MIL-" + row, row, title, area, severity, directions, fixable, docsUrl, rationale, parts);
    }

    /** As {@link #of} for a check whose id is not a spec row's (e.g. {@code MIL-RBAC} for section 1.5). */
    public static CheckMetadata withId(String id, String specRef, String title, Area area, Severity severity,
                                       Set<Direction> directions, boolean fixable, String docsUrl, String rationale,
                                       Part... parts) {
        return new CheckMetadata(id, title, area, Scope.INSTANCE, severity, directions, rationale, docsUrl,
                List.of(specRef), "0.2.0", fixable, List.of()).needing(parts);
    }
}
