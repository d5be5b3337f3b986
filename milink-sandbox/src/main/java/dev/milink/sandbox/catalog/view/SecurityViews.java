// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Security catalog: sys.symmetric_keys and sys.certificates (per database), sys.server_principals,
 * sys.server_permissions and sys.server_role_members. Columns per the "(Transact-SQL)" reference pages.
 */
public final class SecurityViews {
    private static final String[] FIXED_ROLES = {"public", "sysadmin", "securityadmin", "serveradmin", "setupadmin",
        "processadmin", "diskadmin", "dbcreator", "bulkadmin"};
    private static final int FIRST_LOGIN_ID = 256;

    private SecurityViews() {}

    static List<CatalogView> all() {
        return List.of(symmetricKeys(), certificates(), serverPrincipals(), serverPermissions(), roleMembers());
    }

    public static Certificate certificate(Scenario.Database db, String name) {
        if (db == null) {
            return null;
        }
        for (Certificate c : db.certificates) {
            if (c.name.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /** The certificate's DER blob: the scenario's, or a stable stand-in for certificates made in the sandbox. */
    public static byte[] blob(Certificate c) {
        if (c.blob != null) {
            return Values.hex(c.blob);
        }
        byte[] body = Values.sha1("cert:" + c.name + "|" + c.subject + "|" + c.expiryDate);
        ByteBuffer b = ByteBuffer.allocate(4 + body.length * 4);
        b.put((byte) 0x30).put((byte) 0x82).putShort((short) (body.length * 4));
        for (int i = 0; i < 4; i++) {
            b.put(body);
        }
        return b.array();
    }

    /** SHA-1 of the blob, as sys.certificates.thumbprint shows it. */
    public static byte[] thumbprint(Certificate c) {
        return Values.sha1(blob(c));
    }

    /** Login principal ids: sa = 1, fixed roles 2-10, other logins from 256 in scenario order. */
    public static int principalId(Scenario s, Scenario.Login login) {
        if ("sa".equalsIgnoreCase(login.name)) {
            return 1;
        }
        int id = FIRST_LOGIN_ID;
        for (Scenario.Login l : s.logins) {
            if (l == login) {
                return id;
            }
            id += "sa".equalsIgnoreCase(l.name) ? 0 : 1;
        }
        return id;
    }

    private static int roleId(String role) {
        for (int i = 0; i < FIXED_ROLES.length; i++) {
            if (FIXED_ROLES[i].equalsIgnoreCase(role)) {
                return i + 2;
            }
        }
        return -1;
    }

    /** sys.symmetric_keys (Transact-SQL): the database master key shows as ##MS_DatabaseMasterKey##, id 101. */
    private static CatalogView symmetricKeys() {
        return CatalogView.builder("sys", "symmetric_keys", Scope.DATABASE)
                .columns("""
                        name sysname, principal_id int, symmetric_key_id int, key_length int, key_algorithm nchar(2),
                        algorithm_desc nvarchar(60), create_date datetime, modify_date datetime,
                        key_guid uniqueidentifier, key_thumbprint varbinary(32), provider_type nvarchar(60),
                        cryptographic_provider_guid uniqueidentifier, cryptographic_provider_algid sql_variant
                        """)
                .oneRow(ctx -> {
                    Scenario.Database d = ctx.database();
                    if (!d.masterKey || !ctx.seesAllMetadata()) {
                        return null;
                    }
                    return Row.of().set("name", "##MS_DatabaseMasterKey##").set("principal_id", 1)
                            .set("symmetric_key_id", 101).set("key_length", 256).set("key_algorithm", "A3")
                            .set("algorithm_desc", "AES_256").set("create_date", Values.time(d.createDate))
                            .set("modify_date", Values.time(d.createDate))
                            .set("key_guid", Values.seededGuid("dmk:" + d.guid));
                });
    }

    /** sys.certificates (Transact-SQL). */
    private static CatalogView certificates() {
        return CatalogView.builder("sys", "certificates", Scope.DATABASE)
                .columns("""
                        name sysname, certificate_id int, principal_id int, pvt_key_encryption_type char(2),
                        pvt_key_encryption_type_desc nvarchar(60), is_active_for_begin_dialog bit,
                        issuer_name nvarchar(442), cert_serial_number nvarchar(64), sid varbinary(85),
                        string_sid sysname, subject nvarchar(4000), expiry_date datetime, start_date datetime,
                        thumbprint varbinary(32), attested_by nvarchar(260), pvt_key_last_backup_date datetime,
                        key_length int since 15
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    if (!ctx.seesAllMetadata()) {
                        return rows;
                    }
                    for (Certificate c : ctx.database().certificates) {
                        byte[] sid = Values.sha1("certsid:" + c.name);
                        rows.add(Row.of().set("name", c.name).set("certificate_id", c.id).set("principal_id", 1)
                                .set("pvt_key_encryption_type", c.privateKey)
                                .set("pvt_key_encryption_type_desc", switch (c.privateKey) {
                                    case "NA" -> "NO_PRIVATE_KEY";
                                    case "PW" -> "ENCRYPTED_BY_PASSWORD";
                                    case "SK" -> "ENCRYPTED_BY_SERVICE_MASTER_KEY";
                                    default -> "ENCRYPTED_BY_MASTER_KEY";
                                })
                                .set("is_active_for_begin_dialog", true).set("issuer_name", c.issuer)
                                .set("cert_serial_number", c.serialNumber).set("sid", sid)
                                .set("string_sid", "S-1-9-3-" + Integer.toUnsignedString(ByteBuffer.wrap(sid).getInt()))
                                .set("subject", c.subject).set("expiry_date", Values.time(c.expiryDate))
                                .set("start_date", Values.time(c.startDate)).set("thumbprint", thumbprint(c))
                                .set("attested_by", null).set("pvt_key_last_backup_date", Values.time(c.privateKeyLastBackup))
                                .set("key_length", 2048).map());
                    }
                    return rows;
                });
    }

    /** sys.server_principals (Transact-SQL): fixed server roles and logins. */
    private static CatalogView serverPrincipals() {
        return CatalogView.builder("sys", "server_principals", Scope.SERVER)
                .columns("""
                        name sysname, principal_id int, sid varbinary(85), type char(1), type_desc nvarchar(60),
                        is_disabled bit, create_date datetime, modify_date datetime, default_database_name sysname,
                        default_language_name sysname, credential_id int, owning_principal_id int, is_fixed_role bit
                        """)
                .rows(ctx -> {
                    Scenario s = ctx.scenario();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    boolean all = ctx.seesAllMetadata();
                    for (String role : FIXED_ROLES) {
                        rows.add(Row.of().set("name", role).set("principal_id", roleId(role))
                                .set("sid", new byte[] {(byte) roleId(role)}).set("type", "R")
                                .set("type_desc", "SERVER_ROLE").set("is_disabled", false)
                                .set("create_date", Values.time("2009-04-13T12:59:06"))
                                .set("modify_date", Values.time("2009-04-13T12:59:06"))
                                .set("owning_principal_id", 1).set("is_fixed_role", !"public".equals(role)).map());
                    }
                    for (Scenario.Login l : s.logins) {
                        if (!all && l != ctx.login() && !"sa".equalsIgnoreCase(l.name)) {
                            continue;
                        }
                        String type = switch (l.type) {
                            case "WINDOWS_LOGIN" -> "U";
                            case "WINDOWS_GROUP" -> "G";
                            case "EXTERNAL_LOGIN" -> "E";
                            default -> "S";
                        };
                        rows.add(Row.of().set("name", l.name).set("principal_id", principalId(s, l))
                                .set("sid", Values.sid(l.name)).set("type", type).set("type_desc", l.type)
                                .set("is_disabled", l.disabled).set("create_date", Values.time("2023-03-01T09:00:00"))
                                .set("modify_date", Values.time("2023-03-01T09:00:00"))
                                .set("default_database_name", l.defaultDatabase).set("default_language_name", "us_english")
                                .set("is_fixed_role", false).map());
                    }
                    return rows;
                });
    }

    /** sys.server_permissions (Transact-SQL): CONNECT SQL for every login plus the scenario's grants. */
    private static CatalogView serverPermissions() {
        return CatalogView.builder("sys", "server_permissions", Scope.SERVER)
                .columns("""
                        class tinyint, class_desc nvarchar(60), major_id int, minor_id int, grantee_principal_id int,
                        grantor_principal_id int, type char(4), permission_name sysname, state char(1),
                        state_desc nvarchar(60)
                        """)
                .rows(ctx -> {
                    Scenario s = ctx.scenario();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Login l : s.logins) {
                        if (!ctx.seesAllMetadata() && l != ctx.login()) {
                            continue;
                        }
                        List<String> perms = new ArrayList<>();
                        if (l.canLogin || l.permissions.stream().anyMatch(p -> p.equalsIgnoreCase("CONNECT SQL"))) {
                            perms.add("CONNECT SQL");
                        }
                        l.permissions.stream().filter(p -> !p.equalsIgnoreCase("CONNECT SQL")).forEach(perms::add);
                        for (String p : perms) {
                            rows.add(Row.of().set("class", 100).set("class_desc", "SERVER").set("major_id", 0)
                                    .set("minor_id", 0).set("grantee_principal_id", principalId(s, l))
                                    .set("grantor_principal_id", 1).set("type", permissionType(p))
                                    .set("permission_name", p.toUpperCase(Locale.ROOT)).set("state", "G")
                                    .set("state_desc", "GRANT").map());
                        }
                    }
                    return rows;
                });
    }

    private static String permissionType(String permission) {
        return switch (permission.toUpperCase(Locale.ROOT)) {
            case "CONNECT SQL" -> "COSQ";
            case "VIEW SERVER STATE" -> "VWSS";
            case "ALTER ANY AVAILABILITY GROUP" -> "ALAG";
            case "VIEW ANY DATABASE" -> "VWDB";
            case "VIEW ANY DEFINITION" -> "VWAD";
            case "CONTROL SERVER" -> "CL";
            case "ALTER ANY ENDPOINT" -> "ALHE";
            case "CREATE ENDPOINT" -> "CRHE";
            default -> "XX";
        };
    }

    /** sys.server_role_members (Transact-SQL). */
    private static CatalogView roleMembers() {
        return CatalogView.builder("sys", "server_role_members", Scope.SERVER)
                .columns("role_principal_id int, member_principal_id int")
                .rows(ctx -> {
                    Scenario s = ctx.scenario();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Login l : s.logins) {
                        for (String role : l.serverRoles) {
                            if (roleId(role) > 0 && (ctx.seesAllMetadata() || l == ctx.login())) {
                                rows.add(Row.of().set("role_principal_id", roleId(role))
                                        .set("member_principal_id", principalId(s, l)).map());
                            }
                        }
                    }
                    return rows;
                });
    }
}
