// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The in-memory H2 database (MSSQLServer mode) that runs translated queries. It holds no catalog data, only the
 * functions and domains the translated SQL calls; catalog rows come live from {@link CatalogFunctions#catalog},
 * keyed by session. So one database serves every instance in the JVM: an H2 database costs about 575 KB, an
 * H2 connection next to nothing, and 1,000 instances must fit in one test JVM. It is created on the first login
 * and lives as long as the JVM.
 */
final class H2Database {
    private static volatile H2Database shared;
    private static final String FUNCTIONS = CatalogFunctions.class.getName();
    private static final String[][] ALIASES = {
        {"MSSQL_CATALOG", "catalog"}, {"MSSQL_DM_OS_FILE_EXISTS", "fileExists"},
        {"MSSQL_SERVERPROPERTY", "serverProperty"}, {"MSSQL_DB_ID", "dbId"}, {"MSSQL_DB_NAME", "dbName"},
        {"MSSQL_IS_SRVROLEMEMBER", "isSrvRoleMember"}, {"MSSQL_IS_MEMBER", "isMember"},
        {"MSSQL_HAS_PERMS_BY_NAME", "hasPermsByName"}, {"MSSQL_CERT_ID", "certId"},
        {"MSSQL_CERTENCODED", "certEncoded"},
        {"MSSQL_CERTPRIVATEKEY", "certPrivateKey"}, {"MSSQL_SUSER_SNAME", "suserSname"}, {"MSSQL_USER_NAME", "userName"},
        {"MSSQL_HOST_NAME", "hostName"}, {"MSSQL_APP_NAME", "appName"},
        {"MSSQL_DATABASEPROPERTYEX", "databasePropertyEx"},
        {"MSSQL_FN_HADR_IS_PRIMARY_REPLICA", "fnHadrIsPrimaryReplica"}, {"MSSQL_OBJECT_ID", "objectId"},
        {"MSSQL_QUOTENAME", "quotename"}, {"MSSQL_SYSUTCDATETIME", "sysutcdatetime"},
        {"MSSQL_VARBINTOHEXSTR", "varbintohexstr"}, {"MSSQL_TRY_CONVERT", "tryConvert"},
        {"MSSQL_CONVERT_STYLE", "convertStyle"},
    };

    private final String url;
    private final Connection keeper;

    /** The process-wide database, created on first use. */
    static H2Database shared() throws SQLException {
        H2Database db = shared;
        if (db == null) {
            synchronized (H2Database.class) {
                if (shared == null) {
                    shared = new H2Database();
                }
                db = shared;
            }
        }
        return db;
    }

    private H2Database() throws SQLException {
        // DEFAULT_ESCAPE empty: in T-SQL a LIKE pattern has no escape character unless ESCAPE names one, so
        // N'%\MSSQLServer\Parameters' matches a registry key; H2's default escape is the backslash.
        this.url = "jdbc:h2:mem:milink-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1"
                + ";DEFAULT_ESCAPE=";
        this.keeper = DriverManager.getConnection(url);
        try (Statement s = keeper.createStatement()) {
            for (String[] a : ALIASES) {
                s.execute("CREATE ALIAS " + a[0] + " FOR \"" + FUNCTIONS + "." + a[1] + "\"");
            }
            // sql_variant is told apart from nvarchar by this type; SERVERPROPERTY returns it
            s.execute("CREATE DOMAIN sql_variant AS VARCHAR_IGNORECASE");
            s.execute("CREATE DOMAIN sysname AS VARCHAR_IGNORECASE(128)");
            s.execute("CREATE DOMAIN datetimeoffset AS TIMESTAMP(7) WITH TIME ZONE");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
