// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.view.CatalogView;
import dev.milink.sandbox.catalog.view.SecurityViews;
import dev.milink.sandbox.catalog.view.ViewContext;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Server;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.tools.SimpleResultSet;

/**
 * Java functions H2 calls for what SQL Server computes from its own state: the catalog table function behind
 * every view, SERVERPROPERTY, DB_ID, IS_SRVROLEMEMBER and friends. Registered by {@link H2Database}; each
 * session-aware function receives the session key first.
 */
public final class CatalogFunctions {
    private CatalogFunctions() {}

    /** Rows of a catalog view for the session's login; {@code dbId} selects the per-database catalog. */
    public static ResultSet catalog(Connection conn, String key, String view, int dbId) throws SQLException {
        SessionContext ctx = SessionContext.of(key);
        String[] name = view.split("\\.", 2);
        CatalogView v = dev.milink.sandbox.catalog.view.ViewRegistry.find(ctx.scenario(), name[0], name[1]);
        SimpleResultSet rs = new SimpleResultSet();
        List<CatalogView.ViewColumn> columns = v.columnsFor(ctx.scenario());
        for (CatalogView.ViewColumn c : columns) {
            addColumn(rs, c.name(), c.type());
        }
        if (conn.getMetaData().getURL().startsWith("jdbc:columnlist")) {
            return rs;
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        v.columns().forEach(c -> declared.add(c.name()));
        ctx.instance.lock().lock();
        try {
            Scenario.Database db = ctx.scenario().database(dbId);
            for (Map<String, Object> row : v.rows().apply(new ViewContext(ctx.instance, db, ctx.login))) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(columns.get(i).name());
                }
                for (String k : row.keySet()) {
                    if (!declared.contains(k)) {
                        throw new IllegalStateException("View " + view + " sets undeclared column " + k);
                    }
                }
                rs.addRow(values);
            }
        } finally {
            ctx.instance.lock().unlock();
        }
        return rs;
    }

    private static void addColumn(SimpleResultSet rs, String name, SqlType type) {
        switch (type.kind()) {
            case TINYINT -> rs.addColumn(name, Types.TINYINT, 3, 0);
            case SMALLINT -> rs.addColumn(name, Types.SMALLINT, 5, 0);
            case INT -> rs.addColumn(name, Types.INTEGER, 10, 0);
            case BIGINT -> rs.addColumn(name, Types.BIGINT, 19, 0);
            case BIT -> rs.addColumn(name, Types.BOOLEAN, 1, 0);
            case DECIMAL -> rs.addColumn(name, Types.DECIMAL, type.precision(), type.scale());
            case FLOAT -> rs.addColumn(name, Types.DOUBLE, 53, 0);
            case DATETIME -> rs.addColumn(name, Types.TIMESTAMP, 23, 3);
            case DATETIME2 -> rs.addColumn(name, Types.TIMESTAMP, 27, 7);
            case DATETIMEOFFSET -> rs.addColumn(name, Types.TIMESTAMP_WITH_TIMEZONE, 34, 7);
            case UNIQUEIDENTIFIER -> rs.addColumn(name, Types.OTHER, "UUID", 16, 0);
            case VARBINARY -> rs.addColumn(name, Types.VARBINARY, type.length() < 0 ? Integer.MAX_VALUE : type.length(), 0);
            case SQL_VARIANT -> rs.addColumn(name, Types.VARCHAR, Integer.MAX_VALUE, 0);
            default -> rs.addColumn(name, Types.VARCHAR, type.length() < 0 ? Integer.MAX_VALUE : Math.max(type.length(), 1), 0);
        }
    }

    /** sys.dm_os_file_exists(path): file_exists, file_is_a_directory, parent_directory_exists. */
    public static ResultSet fileExists(Connection conn, String key, String path) throws SQLException {
        SimpleResultSet rs = new SimpleResultSet();
        rs.addColumn("file_exists", Types.BOOLEAN, 1, 0);
        rs.addColumn("file_is_a_directory", Types.BOOLEAN, 1, 0);
        rs.addColumn("parent_directory_exists", Types.BOOLEAN, 1, 0);
        if (!conn.getMetaData().getURL().startsWith("jdbc:columnlist")) {
            SandboxFileSystem fs = new SandboxFileSystem(SessionContext.of(key).scenario());
            rs.addRow(fs.isFile(path), fs.isDirectory(path), fs.parentExists(path));
        }
        return rs;
    }

    public static String serverProperty(String key, String property) {
        Scenario s = SessionContext.of(key).scenario();
        Server v = s.server;
        if (property == null) {
            return null;
        }
        String[] version = v.productVersion.split("\\.");
        return switch (property.toLowerCase(Locale.ROOT)) {
            case "productversion" -> v.productVersion;
            case "productmajorversion" -> version[0];
            case "productminorversion" -> version[1];
            case "productbuild" -> version[2];
            case "productbuildtype" -> "OD";
            case "productlevel" -> v.productLevel;
            case "productupdatelevel" -> v.productUpdateLevel;
            case "productupdatereference" -> v.productUpdateReference;
            case "productupdatetype" -> s.isManagedInstance() ? v.productUpdateType : null;
            case "edition" -> v.edition;
            case "engineedition" -> String.valueOf(v.engineEdition);
            case "editionid" -> String.valueOf(v.editionId);
            case "ishadrenabled" -> v.hadrEnabled ? "1" : "0";
            case "hadrmanagerstatus" -> v.hadrManagerStatus == null ? null : String.valueOf(v.hadrManagerStatus);
            case "isclustered" -> v.clustered ? "1" : "0";
            case "machinename" -> v.machineName;
            case "servername" -> v.serverName;
            case "instancename" -> v.instanceName;
            case "collation" -> v.collation;
            case "processid" -> String.valueOf(v.processId);
            case "isintegratedsecurityonly" -> "0";
            case "isfulltextinstalled" -> "1";
            case "issingleuser" -> "0";
            case "buildclrversion" -> "v4.0.30319";
            case "computernamephysicalnetbios" -> v.machineName;
            case "instancedefaultdatapath" -> s.isLinux() ? v.dataRoot + "/data/" : v.dataRoot + "\\DATA\\";
            case "instancedefaultlogpath" -> s.isLinux() ? v.dataRoot + "/data/" : v.dataRoot + "\\DATA\\";
            case "instancedefaultbackuppath" -> s.isLinux() ? v.dataRoot + "/data/" : v.dataRoot + "\\Backup\\";
            case "isxtpsupported" -> "1";
            case "ispolybaseinstalled" -> "0";
            case "isadvancedanalyticsinstalled" -> "0";
            case "filestreamconfiguredlevel", "filestreameffectivelevel" -> "0";
            case "lcid" -> "1033";
            case "sqlcharset" -> "1";
            case "sqlcharsetname" -> "iso_1";
            case "sqlsortorder" -> "52";
            case "sqlsortordername" -> "nocase_iso";
            case "resourceversion" -> v.productVersion;
            case "resourcelastupdatedatetime" -> v.startTime.replace('T', ' ');
            default -> null;
        };
    }

    public static Integer dbId(String key) {
        SessionContext c = SessionContext.of(key);
        return c.currentDatabase().id;
    }

    public static Integer dbId(String key, String name) {
        if (name == null) {
            return null;
        }
        Scenario.Database d = SessionContext.of(key).scenario().database(name);
        return d == null ? null : d.id;
    }

    public static String dbName(String key) {
        return SessionContext.of(key).currentDatabase().name;
    }

    public static String dbName(String key, Integer id) {
        if (id == null) {
            return null;
        }
        Scenario.Database d = SessionContext.of(key).scenario().database(id);
        return d == null ? null : d.name;
    }

    /** IS_SRVROLEMEMBER(role): 1, 0, or NULL for an unknown role. */
    public static Integer isSrvRoleMember(String key, String role) {
        SessionContext c = SessionContext.of(key);
        return roleMember(c, role, c.login);
    }

    public static Integer isSrvRoleMember(String key, String role, String login) {
        SessionContext c = SessionContext.of(key);
        Scenario.Login l = c.scenario().login(login);
        return l == null ? null : roleMember(c, role, l);
    }

    private static Integer roleMember(SessionContext c, String role, Scenario.Login login) {
        List<String> known = List.of("public", "sysadmin", "securityadmin", "serveradmin", "setupadmin",
                "processadmin", "diskadmin", "dbcreator", "bulkadmin");
        if (role == null || known.stream().noneMatch(r -> r.equalsIgnoreCase(role))) {
            return null;
        }
        return c.instance.isMember(login, role) ? 1 : 0;
    }

    /** IS_MEMBER(group_or_role): database roles; db_owner for sysadmins. */
    public static Integer isMember(String key, String role) {
        SessionContext c = SessionContext.of(key);
        return c.instance.isSysadmin(c.login) || "public".equalsIgnoreCase(role) ? 1 : 0;
    }

    /** HAS_PERMS_BY_NAME(securable, class, permission). Server-level permissions come from the login. */
    public static Integer hasPermsByName(String key, String securable, String securableClass, String permission) {
        SessionContext c = SessionContext.of(key);
        if (c.instance.isSysadmin(c.login)) {
            return 1;
        }
        if (permission == null) {
            return null;
        }
        String p = permission.toUpperCase(Locale.ROOT);
        if (securableClass != null && "SERVER".equalsIgnoreCase(securableClass)) {
            return c.instance.hasPermission(c.login, p) || ("CONNECT SQL".equals(p) && c.login.canLogin)
                    || ("VIEW ANY DATABASE".equals(p)) ? 1 : 0;
        }
        return "SELECT".equals(p) || "CONNECT".equals(p) ? 1 : 0;
    }

    public static Integer certId(String key, String name) {
        SessionContext c = SessionContext.of(key);
        Certificate cert = SecurityViews.certificate(c.currentDatabase(), name);
        return cert == null ? null : cert.id;
    }

    public static byte[] certEncoded(String key, Integer id) {
        if (id == null) {
            return null;
        }
        SessionContext c = SessionContext.of(key);
        for (Certificate cert : c.currentDatabase().certificates) {
            if (cert.id == id) {
                return SecurityViews.blob(cert);
            }
        }
        return null;
    }

    /**
     * CERTPRIVATEKEY(cert_id, encryption_password): the private key as a PVK blob encrypted with the password, as
     * SQL Server 2012+ returns it; NULL when the caller lacks CONTROL on the certificate (here: neither sysadmin
     * nor CONTROL SERVER), the certificate has no private key (NA), its key is protected by a password (PW, needs
     * the third argument) or by a master key that does not exist, or the certificate has no real key material.
     */
    public static byte[] certPrivateKey(String key, Integer id, String password) {
        return certPrivateKey(key, id, password, null);
    }

    /** CERTPRIVATEKEY(cert_id, encryption_password, decryption_password). */
    public static byte[] certPrivateKey(String key, Integer id, String password, String decryptionPassword) {
        if (id == null || password == null) {
            return null;
        }
        SessionContext c = SessionContext.of(key);
        if (!c.instance.hasPermission(c.login, "CONTROL SERVER")) {
            return null;
        }
        Scenario.Database db = c.currentDatabase();
        for (Certificate cert : db.certificates) {
            if (cert.id == id) {
                boolean opens = switch (cert.privateKey == null ? "NA" : cert.privateKey.toUpperCase(Locale.ROOT)) {
                    case "MK" -> db.masterKey;
                    case "PW" -> decryptionPassword != null;
                    default -> false;
                };
                return opens ? CertificateKeys.pvk(cert, password) : null;
            }
        }
        return null;
    }

    public static String suserSname(String key) {
        return SessionContext.of(key).login.name;
    }

    public static String suserSname(String key, byte[] sid) {
        SessionContext c = SessionContext.of(key);
        for (Scenario.Login l : c.scenario().logins) {
            if (java.util.Arrays.equals(Values.sid(l.name), sid)) {
                return l.name;
            }
        }
        return null;
    }

    public static String userName(String key) {
        SessionContext c = SessionContext.of(key);
        return c.instance.isSysadmin(c.login) ? "dbo" : c.login.name;
    }

    public static String hostName(String key) {
        return SessionContext.of(key).hostName;
    }

    public static String appName(String key) {
        return SessionContext.of(key).appName;
    }

    /** DATABASEPROPERTYEX(database, property) for the properties readiness scripts use. */
    public static String databasePropertyEx(String key, String database, String property) {
        Scenario.Database d = SessionContext.of(key).scenario().database(database);
        if (d == null || property == null) {
            return null;
        }
        return switch (property.toLowerCase(Locale.ROOT)) {
            case "status" -> d.state.toUpperCase(Locale.ROOT);
            case "recovery" -> d.recovery;
            case "updateability" -> d.readOnly ? "READ_ONLY" : "READ_WRITE";
            case "useraccess" -> d.userAccess;
            case "isautoclose" -> d.autoClose ? "1" : "0";
            case "collation" -> d.collation;
            case "version" -> "904";
            default -> null;
        };
    }

    public static Integer fnHadrIsPrimaryReplica(String key, String database) {
        SessionContext c = SessionContext.of(key);
        Scenario.Database d = c.scenario().database(database);
        return d != null && d.availabilityGroup != null ? 1 : 0;
    }

    /** OBJECT_ID for user procedures of the current database (other objects are not modelled). */
    public static Integer objectId(Connection conn, String key, String name) throws SQLException {
        SessionContext c = SessionContext.of(key);
        if (name == null) {
            return null;
        }
        int hash = name.indexOf('#');
        if (hash >= 0) { // tempdb..#t: the session's temporary table
            try (var ps = conn.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?")) {
                ps.setString(1, name.substring(hash));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0 ? Math.abs(name.substring(hash).hashCode()) : null;
                }
            }
        }
        String bare = name.substring(name.lastIndexOf('.') + 1).replace("[", "").replace("]", "");
        return c.instance.procedure(c.database, bare) == null ? null : Math.abs(bare.toLowerCase(Locale.ROOT).hashCode());
    }

    public static Integer objectId(Connection conn, String key, String name, String type) throws SQLException {
        return objectId(conn, key, name);
    }

    /** QUOTENAME(s[, q]): NULL for input over 128 characters, as SQL Server does. */
    public static String quotename(String s) {
        return quotename(s, "[");
    }

    public static String quotename(String s, String q) {
        if (s == null || s.length() > 128 || q == null) {
            return null;
        }
        return switch (q) {
            case "[", "]" -> "[" + s.replace("]", "]]") + "]";
            case "'" -> "'" + s.replace("'", "''") + "'";
            case "\"" -> "\"" + s.replace("\"", "\"\"") + "\"";
            case "(", ")" -> "(" + s + ")";
            case "<", ">" -> "<" + s + ">";
            case "{", "}" -> "{" + s + "}";
            case "`" -> "`" + s + "`";
            default -> null;
        };
    }

    public static java.sql.Timestamp sysutcdatetime() {
        return java.sql.Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    public static String varbintohexstr(byte[] b) {
        return b == null ? null : "0x" + HexFormat.of().formatHex(b);
    }

    /** TRY_CONVERT's test: the value, or NULL when the target type can't hold it. */
    public static String tryConvert(String type, String value) {
        if (value == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        try {
            if (t.startsWith("int") || t.startsWith("smallint") || t.startsWith("tinyint")) {
                Integer.parseInt(value.strip());
            } else if (t.startsWith("bigint")) {
                Long.parseLong(value.strip());
            } else if (t.startsWith("decimal") || t.startsWith("numeric") || t.startsWith("float")
                    || t.startsWith("real") || t.startsWith("money")) {
                new java.math.BigDecimal(value.strip());
            } else if (t.startsWith("date") || t.startsWith("smalldatetime")) {
                Values.time(value.strip().length() > 19 ? value.strip().substring(0, 19) : value.strip());
            } else if (t.startsWith("uniqueidentifier")) {
                java.util.UUID.fromString(value.strip());
            } else if (t.startsWith("bit")) {
                return List.of("0", "1", "true", "false").contains(value.strip().toLowerCase(Locale.ROOT)) ? value : null;
            }
            return value;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** CONVERT's style argument for the styles scripts use: 126/127/120/121 dates, 1/2 binary as hex. */
    public static String convertStyle(org.h2.value.Value raw, Integer style) {
        if (raw == null || raw == org.h2.value.ValueNull.INSTANCE) {
            return null;
        }
        if (raw instanceof org.h2.value.ValueVarbinary bin) {
            String hex = HexFormat.of().withUpperCase().formatHex(bin.getBytesNoCopy());
            return style != null && style == 1 ? "0x" + hex : hex;
        }
        String value = raw.getString();
        if (style == null) {
            return value;
        }
        return switch (style) {
            case 126, 127 -> value.replace(' ', 'T');
            case 120 -> value.length() > 19 ? value.substring(0, 19) : value;
            default -> value;
        };
    }
}
