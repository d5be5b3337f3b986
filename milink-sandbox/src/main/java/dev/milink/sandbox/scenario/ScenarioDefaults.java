// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Fills what a scenario leaves out with what a fresh SQL Server install would have. */
final class ScenarioDefaults {
    private static final String[] SYSTEM_DATABASES = {"master", "tempdb", "model", "msdb"};

    private ScenarioDefaults() {}

    static void apply(Scenario s) {
        server(s);
        if (s.isLinux()) {
            s.host.sku = null; // sys.dm_os_host_info.host_sku is NULL on Linux
        }
        if (s.agent.serviceAccount == null) {
            s.agent.serviceAccount = s.isLinux() ? "mssql" : "NT Service\\SQLSERVERAGENT";
        }
        if (s.startupParameters == null) {
            s.startupParameters = s.isLinux() ? List.of("-d/var/opt/mssql/data/master.mdf",
                    "-l/var/opt/mssql/data/mastlog.ldf", "-e/var/opt/mssql/log/errorlog") : List.of(
                    "-d" + s.server.dataRoot + "\\DATA\\master.mdf",
                    "-e" + s.server.dataRoot + "\\Log\\ERRORLOG",
                    "-l" + s.server.dataRoot + "\\DATA\\mastlog.ldf");
        }
        logins(s);
        databases(s);
        int endpointId = 65536;
        for (Endpoint e : s.endpoints) {
            e.id = e.id == 0 ? endpointId++ : e.id;
        }
        for (AvailabilityGroup ag : s.availabilityGroups) {
            ag.groupId = ag.groupId != null ? ag.groupId : uuid("ag:" + ag.name);
            for (Replica r : ag.replicas) {
                r.server = r.server != null ? r.server : s.server.serverName;
                r.replicaId = r.replicaId != null ? r.replicaId : uuid("replica:" + ag.name + ":" + r.server);
            }
            for (String dbName : ag.databases) {
                Scenario.Database db = s.database(dbName);
                if (db != null) {
                    db.availabilityGroup = ag.name;
                }
            }
        }
        if (s.fabric != null && s.fabric.partitionId == null) {
            s.fabric.partitionId = uuid("partition:" + s.name);
        }
    }

    private static void server(Scenario s) {
        Server v = s.server;
        int major = s.majorVersion();
        if (v.serverName == null) {
            v.serverName = v.instanceName == null ? v.machineName : v.machineName + "\\" + v.instanceName;
        }
        String edition = v.edition.toLowerCase(Locale.ROOT);
        if (v.engineEdition == 0) {
            v.engineEdition = edition.contains("express") ? 4
                    : edition.contains("standard") || edition.contains("web") ? 2 : 3;
        }
        if (v.editionId == null) {
            v.editionId = edition.contains("developer") ? -2117995310L
                    : edition.contains("standard") ? -1534726760L
                    : edition.contains("express") ? -1592396055L
                    : edition.contains("web") ? 1674378470L
                    : edition.contains("evaluation") ? 1872460670L
                    : edition.contains("managed") ? 1674378470L : 1804890536L;
        }
        if (v.hadrManagerStatus == null) {
            v.hadrManagerStatus = v.hadrEnabled ? 1 : 0;
        }
        if (v.dataRoot == null) {
            v.dataRoot = s.isLinux() ? "/var/opt/mssql"
                    : "C:\\Program Files\\Microsoft SQL Server\\" + v.instanceId(major) + "\\MSSQL";
        }
    }

    private static void logins(Scenario s) {
        ensureLogin(s, "sa", "SQL_LOGIN", List.of("sysadmin"));
        if (!s.isLinux() && !s.isManagedInstance()) {
            ensureLogin(s, "NT AUTHORITY\\SYSTEM", "WINDOWS_LOGIN", List.of()).canLogin = false;
            ensureLogin(s, "NT SERVICE\\SQLSERVERAGENT", "WINDOWS_LOGIN", List.of("sysadmin")).canLogin = false;
        }
        for (Scenario.Login l : s.logins) {
            if (l.type == null) {
                l.type = l.name.contains("\\") ? "WINDOWS_LOGIN" : "SQL_LOGIN";
            }
        }
    }

    private static Scenario.Login ensureLogin(Scenario s, String name, String type, List<String> roles) {
        Scenario.Login existing = s.login(name);
        if (existing != null) {
            return existing;
        }
        Scenario.Login l = new Scenario.Login();
        l.name = name;
        l.type = type;
        l.serverRoles = new ArrayList<>(roles);
        s.logins.add(l);
        return l;
    }

    private static void databases(Scenario s) {
        List<Scenario.Database> ordered = new ArrayList<>();
        for (int i = 0; i < SYSTEM_DATABASES.length; i++) {
            Scenario.Database db = s.database(SYSTEM_DATABASES[i]);
            if (db == null) {
                db = new Scenario.Database();
                db.name = SYSTEM_DATABASES[i];
                db.createDate = "2003-04-08T09:13:36";
            }
            db.id = i + 1;
            if (db.recovery == null) {
                db.recovery = "model".equals(db.name) ? "FULL" : "SIMPLE";
            }
            ordered.add(db);
        }
        int nextId = 5;
        for (Scenario.Database db : s.databases) {
            if (!ordered.contains(db)) {
                db.id = db.id == 0 ? nextId : db.id;
                nextId = Math.max(nextId, db.id) + 1;
                ordered.add(db);
            }
        }
        ordered.sort(Comparator.comparingInt(d -> d.id));
        s.databases = ordered;
        for (Scenario.Database db : ordered) {
            database(s, db);
        }
    }

    private static void database(Scenario s, Scenario.Database db) {
        if (db.recovery == null) {
            db.recovery = "FULL";
        }
        if (db.compatibilityLevel == null) {
            db.compatibilityLevel = s.isManagedInstance() ? 160 : s.majorVersion() * 10;
        }
        if (db.collation == null) {
            db.collation = s.server.collation;
        }
        if (db.guid == null) {
            db.guid = uuid("db:" + s.name + ":" + db.name);
        }
        if (db.nextLsn == 0) {
            db.nextLsn = 37_000_000_012_300_001L + db.id * 1_000_000_000L;
        }
        if (db.files.isEmpty()) {
            // the system databases' logical and physical file names as SQL Server setup creates them
            String[] names = switch (db.name.toLowerCase(Locale.ROOT)) {
                case "master" -> new String[] {"master", "master.mdf", "mastlog", "mastlog.ldf"};
                case "tempdb" -> new String[] {"tempdev", "tempdb.mdf", "templog", "templog.ldf"};
                case "model" -> new String[] {"modeldev", "model.mdf", "modellog", "modellog.ldf"};
                case "msdb" -> new String[] {"MSDBData", "MSDBData.mdf", "MSDBLog", "MSDBLog.ldf"};
                default -> new String[] {db.name, db.name + ".mdf", db.name + "_log", db.name + "_log.ldf"};
            };
            db.files.add(file(s, names[0], "ROWS", "PRIMARY", names[1]));
            db.files.add(file(s, names[2], "LOG", null, names[3]));
        }
        if (db.filegroups.stream().noneMatch(f -> "PRIMARY".equalsIgnoreCase(f.name))) {
            Filegroup primary = new Filegroup();
            primary.name = "PRIMARY";
            primary.isDefault = true;
            db.filegroups.add(0, primary);
        }
        int nextFileId = 3;
        boolean rowsSeen = false;
        boolean logSeen = false;
        for (DbFile f : db.files) {
            if (f.physicalName == null) {
                f.physicalName = dataPath(s, f.name + ("LOG".equals(f.type) ? ".ldf" : ".ndf"));
            }
            if (f.fileId == 0) {
                if ("ROWS".equals(f.type) && !rowsSeen) {
                    f.fileId = 1;
                } else if ("LOG".equals(f.type) && !logSeen) {
                    f.fileId = 2;
                } else {
                    f.fileId = nextFileId++;
                }
            }
            rowsSeen |= "ROWS".equals(f.type);
            logSeen |= "LOG".equals(f.type);
            if (!"LOG".equals(f.type) && f.filegroup == null) {
                f.filegroup = "PRIMARY";
            }
            addFilegroupFor(db, f);
        }
        int certId = 256;
        for (Certificate c : db.certificates) {
            c.id = c.id == 0 ? certId : c.id;
            certId = Math.max(certId, c.id) + 1;
        }
    }

    private static void addFilegroupFor(Scenario.Database db, DbFile f) {
        if (f.filegroup == null || db.filegroups.stream().anyMatch(g -> g.name.equalsIgnoreCase(f.filegroup))) {
            return;
        }
        Filegroup g = new Filegroup();
        g.name = f.filegroup;
        g.type = "FILESTREAM".equals(f.type) ? "FD" : "FG";
        db.filegroups.add(g);
    }

    private static DbFile file(Scenario s, String name, String type, String filegroup, String fileName) {
        DbFile f = new DbFile();
        f.name = name;
        f.type = type;
        f.filegroup = filegroup;
        f.physicalName = dataPath(s, fileName);
        f.sizeMb = "LOG".equals(type) ? 16 : 64;
        return f;
    }

    private static String dataPath(Scenario s, String fileName) {
        return s.isLinux() ? s.server.dataRoot + "/data/" + fileName : s.server.dataRoot + "\\DATA\\" + fileName;
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
    }
}
