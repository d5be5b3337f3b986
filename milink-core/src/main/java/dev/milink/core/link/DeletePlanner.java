// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.link.LinkStep.End;
import dev.milink.core.link.LinkStep.Kind;
import dev.milink.core.script.TSql;
import java.util.Map;

/**
 * Plans {@code link delete}: the ARM DELETE of the link resource, then {@code DROP AVAILABILITY GROUP} of the
 * DAG on SQL Server, and on request the availability group. Databases are never dropped. Refused while the
 * managed instance is primary and has not taken its first full backup of a database: dropped earlier, the
 * database can become unavailable after the next restart of the managed instance.
 *
 * @since 0.3
 */
public final class DeletePlanner {

    private DeletePlanner() {
    }

    public static LinkPlan plan(LinkContext context, boolean dropAvailabilityGroup) {
        PlanDraft draft = new PlanDraft();
        for (LinkContext.Link link : context.links()) {
            LinkNames n = link.names();
            LinkObservation o = link.observed();
            o.managedInstance().filter(LinkObservation.End::isPrimary).ifPresent(mi -> {
                if (!Boolean.TRUE.equals(mi.fullBackupTaken())) {
                    draft.refuse("The managed instance is primary for " + n.database() + " and its first full backup "
                            + "of it " + (mi.fullBackupTaken() == null ? "could not be confirmed" : "does not exist yet")
                            + ". A link deleted before that backup can leave the database unavailable after the "
                            + "managed instance's next restart. Watch for it on the managed instance with "
                            + "SELECT backup_finish_date FROM msdb.dbo.backupset WHERE database_name = "
                            + TSql.literal(n.database()) + " AND type = 'D' (or milink link status), then delete.");
                }
            });
            LinkStep arm = LinkStep.todo("delete/" + n.database() + "/link", "Delete the link " + n.linkName()
                    + " on the managed instance (ARM DELETE)", End.MANAGED_INSTANCE, Kind.ARM_REQUEST,
                    context.arm("DELETE", n, "", null));
            draft.step(o.managedInstance().isPresent() ? arm : arm.doneBecause("the managed instance has no link "
                    + n.linkName()));
            Map<String, String> v = LinkSql.names(n, "");
            LinkStep dag = LinkStep.todo("delete/" + n.database() + "/dag", "Drop the distributed availability group "
                    + TSql.quoteName(n.linkName()) + " on SQL Server", End.SQL_SERVER, Kind.TSQL,
                    LinkSql.render("drop-dag.sql", v));
            draft.step(o.sqlServer().isPresent() ? dag : dag.doneBecause("SQL Server has no distributed "
                    + "availability group " + n.linkName()));
            if (dropAvailabilityGroup) {
                draft.step(LinkStep.todo("delete/" + n.database() + "/ag", "Drop the availability group "
                        + TSql.quoteName(n.sqlAvailabilityGroup()) + " on SQL Server (the database stays)",
                        End.SQL_SERVER, Kind.TSQL, LinkSql.render("drop-ag.sql", v)));
            }
        }
        draft.note("Databases are never dropped, on either end; only the link (and on request the availability "
                + "group) is removed.");
        return draft.plan("delete", context.names());
    }
}
