// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.agent.AgentJob;
import dev.milink.sandbox.catalog.command.BackupChain;
import dev.milink.sandbox.catalog.view.SecurityViews;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.link.LinkState;
import dev.milink.sandbox.scenario.AvailabilityGroup;
import dev.milink.sandbox.scenario.Backup;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Endpoint;
import dev.milink.sandbox.scenario.Scenario;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL Server end of the {@link LinkSimulation}: before each batch it tells the simulation what this instance
 * holds (its certificates, the databases an enabled scheduled Agent job backs up the log of), counts the batch as a
 * round trip, and brings the catalog in line with the link (DAG member roles, databases seeded from the MI, log
 * backups the scheduled jobs took).
 */
final class LinkBridge {
    private static final Pattern OLA_LOG = Pattern.compile("(?is)DatabaseBackup.*@BackupType\\s*=\\s*N?'LOG'");

    private LinkBridge() {}

    static void beforeBatch(InstanceState instance) {
        LinkSimulation link = instance.link();
        if (link.isEmpty()) {
            return;
        }
        instance.lock().lock();
        try {
            Scenario s = instance.scenario();
            link.setScheduledLogBackups(scheduledLogBackups(instance));
            reportCertificates(s, link);
            link.roundTrip();
            for (String db : link.drainScheduledBackupsTaken()) {
                Scenario.Database d = s.database(db);
                if (d != null) {
                    Backup b = new Backup();
                    b.type = "L";
                    b.device = "D:\\Backups\\" + d.name + "_LOG_" + (d.backups.size() + 1) + ".trn";
                    b.start = link.now().toString().replace("Z", "");
                    BackupChain.record(s, d, b);
                }
            }
            for (LinkState state : link.links()) {
                syncCatalog(s, state);
            }
        } finally {
            instance.lock().unlock();
        }
    }

    /** The DAG's member roles, and databases an MI seeds into this instance (created as they arrive). */
    private static void syncCatalog(Scenario s, LinkState state) {
        AvailabilityGroup dag = s.availabilityGroups.stream().filter(a -> a.distributed
                && a.name.equalsIgnoreCase(state.name())).findFirst().orElse(null);
        if (dag == null || state.sql() == null) {
            return;
        }
        if (state.sqlRole() != null) {
            dag.replicas.get(0).role = state.sqlRole().name();
        }
        if (state.miRole() != null) {
            dag.replicas.get(1).role = state.miRole().name();
        }
        AvailabilityGroup local = s.availabilityGroups.stream().filter(a -> a.name.equalsIgnoreCase(
                state.sql().localAg())).findFirst().orElse(null);
        for (LinkState.DatabaseState d : state.databases()) {
            if (d.source() == LinkSimulation.End.MANAGED_INSTANCE && d.sqlLsn() != 0 && s.database(d.name()) == null
                    && local != null) {
                Scenario.Database db = new Scenario.Database();
                db.name = d.name();
                db.id = s.databases.stream().mapToInt(x -> x.id).max().orElse(4) + 1;
                db.recovery = "FULL";
                db.availabilityGroup = local.name;
                Scenario.Database model = s.database("model");
                if (model != null) {
                    db.collation = model.collation;
                }
                db.files.add(file(d.name(), "ROWS", d.sizeBytes() / 1024 / 1024));
                db.files.add(file(d.name() + "_log", "LOG", 16));
                db.lastLogBackupLsn = null;
                db.nextLsn = 42_000_000_100_000_001L;
                s.databases.add(db);
                local.databases.add(db.name);
                dag.databases.add(db.name);
            }
        }
    }

    private static dev.milink.sandbox.scenario.DbFile file(String name, String type, long sizeMb) {
        dev.milink.sandbox.scenario.DbFile f = new dev.milink.sandbox.scenario.DbFile();
        f.name = name;
        f.fileId = "LOG".equals(type) ? 2 : 1;
        f.type = type;
        f.filegroup = "ROWS".equals(type) ? "PRIMARY" : null;
        f.sizeMb = Math.max(1, sizeMb);
        f.physicalName = "D:\\Data\\" + name + ("LOG".equals(type) ? ".ldf" : ".mdf");
        return f;
    }

    private static void reportCertificates(Scenario s, LinkSimulation link) {
        Scenario.Database master = s.database("master");
        if (master == null) {
            return;
        }
        Set<String> all = new LinkedHashSet<>();
        for (Certificate c : master.certificates) {
            all.add(HexFormat.of().withUpperCase().formatHex(SecurityViews.blob(c)));
        }
        String endpointCert = null;
        for (Endpoint e : s.endpoints) {
            Certificate c = e.certificate == null ? null : SecurityViews.certificate(master, e.certificate);
            if (c != null) {
                endpointCert = HexFormat.of().withUpperCase().formatHex(SecurityViews.blob(c));
            }
        }
        link.reportSqlCertificates(endpointCert, all);
    }

    /**
     * Databases whose log an enabled job with an enabled schedule backs up: a step with {@code BACKUP LOG [db]}, or
     * Ola Hallengren's {@code DatabaseBackup … @BackupType = 'LOG'} for USER_DATABASES, ALL_DATABASES or the name.
     */
    static Set<String> scheduledLogBackups(InstanceState instance) {
        Set<String> out = new LinkedHashSet<>();
        for (AgentJob j : instance.agent().jobs()) {
            if (!j.enabled() || j.schedules().stream().noneMatch(AgentJob.Schedule::enabled)) {
                continue;
            }
            for (AgentJob.Step st : j.steps()) {
                String cmd = st.command() == null ? "" : st.command();
                for (Scenario.Database d : instance.scenario().databases) {
                    if (d.isSystem()) {
                        continue;
                    }
                    String n = Pattern.quote(d.name);
                    boolean plain = Pattern.compile("(?is)BACKUP\\s+LOG\\s+(\\[" + n + "]|" + n + "\\b)").matcher(cmd)
                            .find();
                    boolean ola = OLA_LOG.matcher(cmd).find() && (cmd.toUpperCase(Locale.ROOT).contains("USER_DATABASES")
                            || cmd.toUpperCase(Locale.ROOT).contains("ALL_DATABASES")
                            || cmd.toLowerCase(Locale.ROOT).contains(d.name.toLowerCase(Locale.ROOT)));
                    if (plain || ola) {
                        out.add(d.name);
                    }
                }
            }
        }
        return out;
    }
}
