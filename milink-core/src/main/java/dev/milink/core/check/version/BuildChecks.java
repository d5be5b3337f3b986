// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.buildref.LinkMinimum;
import dev.milink.core.buildref.LinkPurpose;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import java.util.List;

/**
 * The minimum-build checks MIL-V1…V7: one {@link MinimumBuildCheck} per link minimum in the bundled build
 * reference data, in report order (newest release first). The data supplies each check's directions and its
 * documentation page (the minimum's source), so the metadata cannot drift from the numbers it checks; this table
 * adds what a reader needs: the stable id, the title, the severity and the rationale. A minimum added to the data
 * without a line here fails {@code BuildChecksTest}.
 */
public final class BuildChecks {

    public static final List<MinimumBuildCheck> ALL = List.of(
            define("MIL-V1", 17, LinkPurpose.CREATE_LINK, Direction.SQL_TO_MI, Severity.BLOCKER,
                    "SQL Server 2025 meets the link's minimum build", """
                    SQL Server 2025 (17.x) supports the link in both directions from RTM \
                    (17.0.1000.7) on Windows Server and Linux. Reads \
                    `SERVERPROPERTY('ProductVersion')` and compares it with the minimum in the build \
                    reference data. Instances of other major versions are SKIPPED."""),
            define("MIL-V2", 16, LinkPurpose.CREATE_LINK, Direction.SQL_TO_MI, Severity.BLOCKER,
                    "SQL Server 2022 meets the link's minimum build (link from SQL Server)", """
                    SQL Server 2022 (16.x) can be the initial primary of a link from RTM \
                    (16.0.1000.6) on Windows Server and Linux. Reads \
                    `SERVERPROPERTY('ProductVersion')` and compares it with the minimum in the build \
                    reference data. Instances of other major versions are SKIPPED."""),
            define("MIL-V3", 16, LinkPurpose.CREATE_LINK, Direction.MI_TO_SQL, Severity.BLOCKER,
                    "SQL Server 2022 meets the minimum build for a link from the managed instance", """
                    When the managed instance is the initial primary, SQL Server 2022 needs CU10 \
                    (16.0.4095.4, KB5031778) or later, and must not be downgraded below CU10 while \
                    such a link exists. Reads `SERVERPROPERTY('ProductVersion')`; the minimum comes \
                    from the build reference data. Instances of other major versions are SKIPPED."""),
            define("MIL-V4", 16, LinkPurpose.TSQL_FAILOVER, Direction.SQL_TO_MI, Severity.WARNING,
                    "SQL Server 2022 supports T-SQL failover of the link", """
                    Failing a link over with `ALTER AVAILABILITY GROUP … FAILOVER` needs SQL Server \
                    2022 CU13 (16.0.4125.3, KB5036432) or later. The link itself works on older \
                    builds and can be failed over by the other methods in the failover guide, so a \
                    miss is a warning rather than a blocker. Instances of other major versions are \
                    SKIPPED."""),
            define("MIL-V5", 15, LinkPurpose.CREATE_LINK, Direction.SQL_TO_MI, Severity.BLOCKER,
                    "SQL Server 2019 meets the link's minimum build", """
                    SQL Server 2019 (15.x) supports a one-way link from CU20 (15.0.4312.2, \
                    KB5024276) for every supported edition. Earlier documentation accepted CU15 for \
                    Enterprise and Developer and CU17 for Standard, and scripts still carry those \
                    numbers. Reads `SERVERPROPERTY('ProductVersion')`; the minimum comes from the \
                    build reference data. Instances of other major versions are SKIPPED."""),
            define("MIL-V6", 14, LinkPurpose.CREATE_LINK, Direction.SQL_TO_MI, Severity.BLOCKER,
                    "SQL Server 2017 has CU31 and the Azure Connect pack", """
                    SQL Server 2017 (14.x) supports a one-way link only with CU31 (14.0.3456.2) plus \
                    the SQL Server 2017 Azure Connect pack (14.0.3490.10, KB5050533) installed, so \
                    ProductVersion must be 14.0.3490.10 or later; CU31 alone isn't enough and the \
                    engine lacks what the link needs (for example `sp_certificate_add_issuer`). \
                    Documentation up to at least 11/2023 listed 2017 as unsupported. Instances of \
                    other major versions are SKIPPED."""),
            define("MIL-V7", 13, LinkPurpose.CREATE_LINK, Direction.SQL_TO_MI, Severity.BLOCKER,
                    "SQL Server 2016 has SP3 and the Azure Connect pack", """
                    SQL Server 2016 (13.x) supports a one-way link on Windows Server only, with SP3 \
                    (13.0.6300.2, KB5003279) plus the SQL Server 2016 Azure Connect pack \
                    (13.0.7000.253, KB5014242), so ProductVersion must be 13.0.7000.253 or later; \
                    SP3 and its security updates (13.0.64xx) alone aren't enough. 2016 also needs a \
                    Windows Server Failover Cluster (MIL-I4). Instances of other major versions are \
                    SKIPPED."""));

    private BuildChecks() {
    }

    /** The check with {@code id}, for tests and callers that name one. */
    public static MinimumBuildCheck byId(String id) {
        return ALL.stream().filter(c -> c.metadata().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no minimum-build check " + id));
    }

    /**
     * One check guarding the bundled minimum for {@code major}, {@code purpose} and {@code direction}; the
     * minimum's directions and source page become the check's directions and docs URL.
     */
    private static MinimumBuildCheck define(String id, int major, LinkPurpose purpose, Direction direction,
                                            Severity severity, String title, String rationale) {
        LinkMinimum minimum = BuildReferences.bundled().minimums().stream()
                .filter(m -> m.major() == major && m.purpose() == purpose && m.directions().contains(direction))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the bundled build reference data has no minimum for "
                        + id + " (major " + major + ", " + purpose + ", " + direction + ")"));
        CheckMetadata meta = VersionMeta.meta(id.substring("MIL-".length()), title, severity, minimum.directions(),
                true, minimum.source(), rationale);
        return new MinimumBuildCheck(meta, new MinimumBuildCheck.Guards(major, purpose));
    }
}
