// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Replication;
import dev.milink.core.model.Facts;
import java.util.ArrayList;
import java.util.List;

/** MIL-D21: replication, CDC and log shipping keep working only if they are replanned around the link. */
public final class ReplicationAdvisoryCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D21", "Replication, CDC and log shipping are planned for",
            Severity.WARNING, Meta.SQL_TO_MI, false, Meta.OVERVIEW, """
                    Advisory. The linked secondary cannot be a transactional-replication publisher, publishers \
                    and subscribers must be reconfigured after a migration, and CDC readers and log-shipping \
                    secondaries must follow the current global primary. Reads is_published, \
                    is_merge_published, is_subscribed, is_distributor and is_cdc_enabled from sys.databases and \
                    msdb.dbo.log_shipping_primary_databases. Service Broker (MIL-D17) and distributed \
                    transactions (DTC, not carried over to the managed instance) are not detected here.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        Replication r = db.replication() == null ? Replication.NONE : db.replication();
        List<String> uses = new ArrayList<>();
        if (r.published() || r.mergePublished()) {
            uses.add("publisher (the linked secondary cannot publish; reconfigure publications after migration)");
        }
        if (r.subscribed()) {
            uses.add("subscriber (repoint distribution agents to the primary after a failover)");
        }
        if (r.distributor()) {
            uses.add("distribution database (it stays on SQL Server; plan a new distributor for the MI)");
        }
        if (r.cdcEnabled()) {
            uses.add("CDC (capture and cleanup jobs and readers must follow the current primary)");
        }
        if (db.logShippingPrimary().orElse(false)) {
            uses.add("log-shipping primary (its log backups must pause during seeding; secondaries must follow "
                    + "the current primary)");
        }
        String expected = "none, or a plan for each after the link";
        if (!uses.isEmpty()) {
            return finding.warn(Why.quoted(db) + " is used as: " + String.join("; ", uses) + ".",
                    Evidence.of(String.join(", ", uses.stream().map(u -> u.substring(0, u.indexOf(" ("))).toList()),
                            expected),
                    new Remediation("Plan how each of these works with the link and after a failover or "
                            + "migration.", List.of()));
        }
        if (!db.logShippingPrimary().isKnown()) {
            return finding.unknown(Why.unreadable(db, "the log-shipping role", db.logShippingPrimary()));
        }
        return finding.pass(Why.quoted(db) + " uses no replication, CDC or log shipping.",
                Evidence.of("none", expected));
    }

    public ReplicationAdvisoryCheck() {
        super(META);
    }
}
