// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.check.azure.support.MiPartCheck;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import java.util.List;

/** MIL-M8: the managed instance's server collation equals SQL Server's. */
public final class CollationCheck extends MiPartCheck.OfInstance {

    public static final CheckMetadata META = AzureMeta.of("M8", "The managed instance's collation matches SQL "
            + "Server's", Area.AZURE, Severity.WARNING, AzureMeta.BOTH, false, AzureMeta.CONFIGURE_SCRIPTS, """
                    With different server collations the two ends may compare the server names in the link with \
                    different case rules, and the connection from SQL Server to the managed instance can fail; \
                    tempdb and system objects also behave differently after a failover. Compares \
                    SERVERPROPERTY('Collation') on SQL Server with properties.collation of the managed instance \
                    (names compared without regard to case). The collation of an existing managed instance \
                    cannot be changed: plan the instance with the right one.""",
            Part.MANAGED_INSTANCE, Part.SQL_SERVER);

    public CollationCheck() {
        super(META, "the collation");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, ManagedInstance i, Finding.Builder finding) {
        if (!facts.server().identity().isKnown()) {
            return finding.unknown("SQL Server's collation could not be read: "
                    + facts.server().identity().reason());
        }
        String miCollation = i.collation();
        String sqlCollation = facts.server().identity().orElse(null).collation();
        if (miCollation == null || sqlCollation == null) {
            return finding.unknown("The collation of " + (miCollation == null ? MiFacts.label(mi)
                    : "SQL Server") + " was not reported.");
        }
        Evidence evidence = Evidence.of("SQL Server " + sqlCollation + ", managed instance " + miCollation,
                "the same collation");
        if (!sqlCollation.equalsIgnoreCase(miCollation)) {
            return finding.fail("SQL Server uses " + sqlCollation + " but " + MiFacts.label(mi) + " uses "
                    + miCollation + ".", evidence, new Remediation("The collation of a managed instance cannot be "
                    + "changed; use a managed instance created with " + sqlCollation + " if names or tempdb "
                    + "behaviour matter to the workload.", List.of()));
        }
        return finding.pass("Both ends use " + sqlCollation + ".", evidence);
    }
}
