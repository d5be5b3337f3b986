// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.link.LinkObservation.End;
import dev.milink.core.link.LinkStep.Kind;
import dev.milink.core.script.TSql;
import dev.milink.core.check.azure.support.ArmRequest;
import dev.milink.core.script.FileNames;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans {@code link failover}: planned (switch to synchronous, wait until the hardened LSNs match and stay
 * stable, fail over, back to asynchronous), forced (from the secondary, with data loss), SQL Server 2016-2019's
 * "break the link" migration, and the resolution of split brain.
 *
 * @since 0.3
 */
public final class FailoverPlanner {

    /** How to fail over. */
    public enum Mode { PLANNED, FORCED }

    private FailoverPlanner() {
    }

    /**
     * @param useTsql fail over with {@code ALTER AVAILABILITY GROUP … FAILOVER} on SQL Server instead of ARM
     *                (SQL Server 2022 CU13 and later, SQL Server primary)
     */
    public static LinkPlan plan(LinkContext context, Mode mode, boolean allowDataLoss, boolean useTsql) {
        PlanDraft draft = new PlanDraft();
        boolean breakTheLink = context.sqlVersion().major() < 16;
        if (mode == Mode.FORCED && !allowDataLoss) {
            draft.refuse("A forced failover loses every transaction the secondary has not hardened yet; it is "
                    + "only run with --allow-data-loss.");
        }
        if (mode == Mode.FORCED) {
            draft.note("!!! FORCED FAILOVER WITH DATA LOSS: transactions not yet on the secondary are lost, and the "
                    + "old primary may keep accepting writes (split brain; milink link status shows it).");
        } else {
            draft.note("Stop the workload on the primary first (cut application connections): the failover waits "
                    + "until the hardened LSNs of both ends match and stay stable.");
        }
        if (breakTheLink && mode == Mode.PLANNED) {
            draft.note("SQL Server " + context.sqlVersion() + " (2016-2019) cannot take the primary role back from "
                    + "the managed instance: this is the documented 'break the link' migration. The link is "
                    + "deleted once the LSNs match; repoint the applications to the managed instance afterwards.");
        }
        for (LinkContext.Link link : context.links()) {
            LinkNames n = link.names();
            LinkObservation o = link.observed();
            if (o.sqlServer().isEmpty() || o.managedInstance().isEmpty()) {
                draft.refuse("The link " + n.linkName() + " does not exist on both ends (see milink link status).");
                continue;
            }
            End sql = o.sqlServer().get();
            End mi = o.managedInstance().get();
            if (sql.isPrimary() && mi.isPrimary()) {
                draft.refuse("Both ends are PRIMARY for " + n.linkName() + " (split brain): resolve it first with "
                        + "milink link failover --resolve-split-brain --keep sql-server|managed-instance.");
                continue;
            }
            Map<String, String> v = LinkSql.names(n, "");
            String db = n.database();
            boolean sqlPrimary = sql.isPrimary();
            if (mode == Mode.FORCED) {
                // Run on the secondary: that end takes over.
                draft.step(sqlPrimary
                        ? LinkStep.todo("failover/" + db + "/forced", "FORCED failover to the managed instance (ARM,"
                        + " data loss)", LinkStep.End.MANAGED_INSTANCE, Kind.ARM_REQUEST,
                        context.arm("POST", n, "/failover", Map.of("failoverType", "ForcedAllowDataLoss")))
                        : LinkStep.todo("failover/" + db + "/forced", "FORCED failover to SQL Server (T-SQL on SQL "
                        + "Server, data loss)", LinkStep.End.SQL_SERVER, Kind.TSQL,
                        LinkSql.render("forced-failover.sql", v)));
                continue;
            }
            if (!"CONNECTED".equalsIgnoreCase(sql.connectedState()) || !"CONNECTED".equalsIgnoreCase(mi.connectedState())
                    || mi.seeding().isPresent() || sql.seeding().isPresent()) {
                draft.refuse("The link " + n.linkName() + " is not connected and synchronized (seeding or "
                        + "disconnected); a planned failover needs both. See milink link status.");
                continue;
            }
            if (!sqlPrimary && breakTheLink) {
                draft.refuse("The managed instance is primary for " + n.linkName() + " and SQL Server "
                        + context.sqlVersion() + " cannot become primary again: no failback to SQL Server 2016-2019.");
                continue;
            }
            commitMode(context, n, v, true).forEach(draft::step);
            draft.step(LinkStep.todo("failover/" + db + "/wait-lsns", "Wait until the hardened LSNs of both ends "
                    + "match and stay stable", LinkStep.End.SQL_SERVER, Kind.WAIT_LSNS, n.linkName()));
            if (breakTheLink) {
                draft.step(LinkStep.todo("failover/" + db + "/delete-link", "Delete the link on the managed instance "
                        + "(ARM DELETE): the managed instance's database becomes the primary copy",
                        LinkStep.End.MANAGED_INSTANCE, Kind.ARM_REQUEST, context.arm("DELETE", n, "", null)));
                draft.step(LinkStep.todo("failover/" + db + "/drop-dag", "Drop " + TSql.quoteName(n.linkName())
                        + " on SQL Server", LinkStep.End.SQL_SERVER, Kind.TSQL, LinkSql.render("drop-dag.sql", v)));
                continue;
            }
            boolean tsql = useTsql && sqlPrimary && context.sqlVersion().isAtLeast(LinkContext.TSQL_FAILOVER);
            if (useTsql && !tsql) {
                draft.note("The T-SQL failover needs SQL Server 2022 CU13 or later as the primary; using ARM for "
                        + n.linkName() + ".");
            }
            draft.step(tsql
                    ? LinkStep.todo("failover/" + db + "/failover", "Planned failover to the managed instance "
                    + "(T-SQL on SQL Server)", LinkStep.End.SQL_SERVER, Kind.TSQL, LinkSql.render("failover.sql", v))
                    : LinkStep.todo("failover/" + db + "/failover", "Planned failover to "
                    + (sqlPrimary ? "the managed instance" : "SQL Server") + " (ARM failover Planned)",
                    LinkStep.End.MANAGED_INSTANCE, Kind.ARM_REQUEST,
                    context.arm("POST", n, "/failover", Map.of("failoverType", "Planned"))));
            commitMode(context, n, v, false).forEach(draft::step);
        }
        return draft.plan(mode == Mode.FORCED ? "forced-failover" : breakTheLink ? "break-the-link" : "failover",
                context.names());
    }

    /**
     * How split brain is resolved safely: where SQL Server writes its safety log backup, the managed instance's
     * region (for its safety copy) and the time that names both.
     *
     * @param backupDirectory a directory the SQL Server service can write; needed when SQL Server is the end given up
     * @param miLocation      the managed instance's Azure region
     * @param at              now: stamps the backup file and the copy's name, and is the copy's restore point
     */
    public record SplitBrainOptions(Optional<String> backupDirectory, String miLocation, Instant at) {
        public SplitBrainOptions {
            Objects.requireNonNull(backupDirectory, "backupDirectory");
            Objects.requireNonNull(at, "at");
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Resolves split brain (both ends PRIMARY after a forced failover): first a safety backup of the end given up
     * (the old primary, which took writes the kept end never saw), then that end is set to SECONDARY and the link
     * resynchronizes from the kept end.
     *
     * <p>SQL Server given up: a regular {@code BACKUP LOG} (not COPY_ONLY) into {@code backupDirectory}. It holds
     * the diverged transactions and is the next link of the log-backup chain, so nothing breaks the chain and the
     * chain restores them. The managed instance given up: milink has no T-SQL session there (a COPY_ONLY backup to
     * URL would need one, and a storage credential), so the safety copy is an ARM point-in-time restore of the
     * database, at this moment, into a new database {@code <db>_split_brain_<stamp>} on the same managed instance,
     * from the service's own automatic backups; the database's backup chain is untouched.
     *
     * @param keep the end that stays primary
     */
    public static LinkPlan resolveSplitBrain(LinkContext context, LinkStep.End keep, SplitBrainOptions options) {
        PlanDraft draft = new PlanDraft();
        String stamp = STAMP.format(options.at());
        for (LinkContext.Link link : context.links()) {
            LinkNames n = link.names();
            LinkObservation o = link.observed();
            boolean split = o.sqlServer().filter(End::isPrimary).isPresent()
                    && o.managedInstance().filter(End::isPrimary).isPresent();
            if (!split) {
                draft.note("No split brain on " + n.linkName() + ": only one end is PRIMARY.");
                continue;
            }
            Map<String, String> v = LinkSql.names(n, "");
            String db = n.database();
            if (keep == LinkStep.End.MANAGED_INSTANCE) {
                if (options.backupDirectory().filter(d -> !d.isBlank()).isEmpty()) {
                    draft.refuse("SQL Server took writes for " + db + " after the forced failover that the managed "
                            + "instance never saw; milink backs up its log before SQL Server becomes the secondary. "
                            + "Name a directory the SQL Server service can write with --backup-dir DIR.");
                    continue;
                }
                String file = FileNames.join(options.backupDirectory().get(), FileNames.safe(db) + "_split_brain_"
                        + stamp + ".trn");
                v.put("file", file);
                draft.note("Stop the application's writes to " + db + " on SQL Server first: the log backup holds the "
                        + "transactions up to the moment it runs, and SQL Server then becomes the secondary.");
                draft.step(LinkStep.todo("split-brain/" + db + "/backup-sql", "Safety backup: BACKUP LOG "
                        + TSql.quoteName(db) + " on SQL Server to " + file + " (the diverged transactions; a "
                        + "regular log backup, so the log-backup chain stays whole)", LinkStep.End.SQL_SERVER,
                        Kind.TSQL, LinkSql.render("split-brain-log-backup.sql", v)));
                draft.step(LinkStep.todo("split-brain/" + db + "/demote-sql", "Make SQL Server the "
                        + "secondary of " + TSql.quoteName(n.linkName()), LinkStep.End.SQL_SERVER, Kind.TSQL,
                        LinkSql.render("set-role-secondary.sql", v)));
            } else {
                String copy = db + "_split_brain_" + stamp;
                draft.note("Stop the application's writes to " + db + " on the managed instance first: the safety "
                        + "copy " + copy + " is restored as of " + options.at() + ", and the managed instance then "
                        + "becomes the secondary.");
                Map<String, Object> body = new LinkedHashMap<>();
                if (options.miLocation() != null && !options.miLocation().isBlank()) {
                    body.put("location", options.miLocation());
                }
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("createMode", "PointInTimeRestore");
                properties.put("sourceDatabaseId", context.miResourceId() + "/databases/" + db);
                properties.put("restorePointInTime", options.at().toString());
                body.put("properties", properties);
                draft.step(LinkStep.todo("split-brain/" + db + "/copy-mi", "Safety copy: restore " + db + " on the "
                        + "managed instance as of " + options.at() + " into the new database " + copy + " (ARM "
                        + "point-in-time restore from the automatic backups; the diverged transactions)",
                        LinkStep.End.MANAGED_INSTANCE, Kind.ARM_REQUEST, ArmRequest.of("PUT", context.miResourceId()
                        + "/databases/" + CreatePlanner.pathSegment(copy) + "?api-version=" + context.apiVersion(),
                        body)));
                draft.step(LinkStep.todo("split-brain/" + db + "/demote-mi", "Make the managed instance "
                        + "the secondary (ARM setRole Secondary, Forced)", LinkStep.End.MANAGED_INSTANCE,
                        Kind.ARM_REQUEST, context.arm("POST", n, "/setRole",
                        setRole("Secondary", "Forced"))));
            }
            draft.step(LinkStep.todo("split-brain/" + db + "/wait", "Wait until the link is connected and "
                    + "synchronizing again", keep, Kind.WAIT_SEEDING, n.linkName()));
        }
        if (draft.isEmpty()) {
            draft.refuse("No link is in split brain; nothing to resolve.");
        }
        return draft.plan("resolve-split-brain", context.names());
    }

    /**
     * The two steps switching the link's commit mode on both ends: to synchronous before a planned failover
     * ({@code sync}), back to asynchronous after it.
     */
    private static List<LinkStep> commitMode(LinkContext context, LinkNames n, Map<String, String> v, boolean sync) {
        String mode = sync ? "synchronous" : "asynchronous";
        String id = "failover/" + n.database() + (sync ? "/sync-" : "/async-");
        String to = sync ? "to " : "back to ";
        return List.of(LinkStep.todo(id + "sql", "Switch " + TSql.quoteName(n.linkName()) + " " + to + mode
                        + " commit on SQL Server", LinkStep.End.SQL_SERVER, Kind.TSQL,
                        LinkSql.render("set-" + mode + ".sql", v)),
                LinkStep.todo(id + "mi", "Switch the link " + to + mode + " on the managed instance"
                        + (sync ? " (ARM PATCH replicationMode Sync)" : ""), LinkStep.End.MANAGED_INSTANCE,
                        Kind.ARM_REQUEST, context.arm("PATCH", n, "",
                                Map.of("properties", Map.of("replicationMode", sync ? "Sync" : "Async")))));
    }

    private static Map<String, String> setRole(String role, String change) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("instanceRole", role);
        body.put("roleChangeType", change);
        return body;
    }
}
