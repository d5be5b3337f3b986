// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Endpoint;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sys.endpoints, sys.tcp_endpoints and sys.database_mirroring_endpoints: the built-in T-SQL endpoints plus the
 * scenario's database mirroring endpoint. The two derived views inherit sys.endpoints' columns, as documented.
 */
public final class EndpointViews {
    /** connection_auth codes 1-10 in documentation order. */
    public static final List<String> AUTHENTICATIONS = List.of("NTLM", "KERBEROS", "NEGOTIATE", "CERTIFICATE",
            "NTLM, CERTIFICATE", "KERBEROS, CERTIFICATE", "NEGOTIATE, CERTIFICATE", "CERTIFICATE, NTLM",
            "CERTIFICATE, KERBEROS", "CERTIFICATE, NEGOTIATE");
    /** encryption_algorithm codes 0-8 in documentation order. */
    public static final List<String> ALGORITHMS = List.of("NONE", "RC4", "AES", "NONE, RC4", "NONE, AES",
            "RC4, AES", "AES, RC4", "NONE, RC4, AES", "NONE, AES, RC4");

    private record Tsql(String name, int id, Integer port) {}

    private static final List<Tsql> BUILT_IN = List.of(new Tsql("Dedicated Admin Connection", 1, 0),
            new Tsql("TSQL Local Machine", 2, null), new Tsql("TSQL Named Pipes", 3, null),
            new Tsql("TSQL Default TCP", 4, 0), new Tsql("TSQL Default VIA", 5, null));

    private EndpointViews() {}

    static List<CatalogView> all() {
        return List.of(endpoints(), tcpEndpoints(), mirroringEndpoints());
    }

    private static CatalogView.Builder base(String name) {
        return CatalogView.builder("sys", name, Scope.SERVER)
                .columns("""
                        name sysname, endpoint_id int, principal_id int, protocol tinyint, protocol_desc nvarchar(60),
                        type tinyint, type_desc nvarchar(60), state tinyint, state_desc nvarchar(60),
                        is_admin_endpoint bit
                        """);
    }

    private static Row baseRow(String name, int id, int protocol, String protocolDesc, int type, String typeDesc,
                               String state) {
        String st = state.toUpperCase(Locale.ROOT);
        return Row.of().set("name", name).set("endpoint_id", id).set("principal_id", 1).set("protocol", protocol)
                .set("protocol_desc", protocolDesc).set("type", type).set("type_desc", typeDesc)
                .set("state", "STARTED".equals(st) ? 0 : "STOPPED".equals(st) ? 1 : 2).set("state_desc", st)
                .set("is_admin_endpoint", id == 1);
    }

    private static Row mirroringBase(Endpoint e) {
        return baseRow(e.name, e.id, 2, "TCP", 4, "DATABASE_MIRRORING", e.state);
    }

    /** sys.endpoints (Transact-SQL). */
    private static CatalogView endpoints() {
        return base("endpoints").rows(ctx -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Tsql t : BUILT_IN) {
                int protocol = t.id == 2 ? 3 : t.id == 3 ? 3 : t.id == 5 ? 4 : 2;
                String desc = t.id == 2 ? "SHARED_MEMORY" : t.id == 3 ? "NAMED_PIPES" : t.id == 5 ? "VIA" : "TCP";
                rows.add(baseRow(t.name, t.id, t.id == 2 ? 4 : protocol, desc, 2, "TSQL",
                        t.id == 5 ? "DISABLED" : "STARTED").map());
            }
            for (Endpoint e : ctx.scenario().endpoints) {
                rows.add(mirroringBase(e).map());
            }
            return rows;
        });
    }

    /** sys.tcp_endpoints (Transact-SQL). */
    private static CatalogView tcpEndpoints() {
        return base("tcp_endpoints").columns("port int, is_dynamic_port bit, ip_address nvarchar(45)")
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Tsql t : BUILT_IN) {
                        if (t.port != null) {
                            rows.add(baseRow(t.name, t.id, 2, "TCP", 2, "TSQL", "STARTED").set("port", t.port)
                                    .set("is_dynamic_port", true).set("ip_address", null).map());
                        }
                    }
                    for (Endpoint e : ctx.scenario().endpoints) {
                        rows.add(mirroringBase(e).set("port", e.port).set("is_dynamic_port", false)
                                .set("ip_address", e.ipAddress).map());
                    }
                    return rows;
                });
    }

    /** sys.database_mirroring_endpoints (Transact-SQL). */
    private static CatalogView mirroringEndpoints() {
        return base("database_mirroring_endpoints")
                .columns("""
                        role tinyint, role_desc nvarchar(60), is_encryption_enabled bit, connection_auth tinyint,
                        connection_auth_desc nvarchar(60), certificate_id int, encryption_algorithm tinyint,
                        encryption_algorithm_desc nvarchar(60)
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    Scenario.Database master = ctx.scenario().database("master");
                    for (Endpoint e : ctx.scenario().endpoints) {
                        Certificate cert = e.certificate == null ? null
                                : SecurityViews.certificate(master, e.certificate);
                        String role = e.role.toUpperCase(Locale.ROOT);
                        boolean encrypted = !"DISABLED".equalsIgnoreCase(e.encryption);
                        String algorithm = encrypted ? e.algorithm.toUpperCase(Locale.ROOT) : "NONE";
                        rows.add(mirroringBase(e)
                                .set("role", List.of("NONE", "PARTNER", "WITNESS", "ALL").indexOf(role))
                                .set("role_desc", role).set("is_encryption_enabled", encrypted)
                                .set("connection_auth", AUTHENTICATIONS.indexOf(e.authentication.toUpperCase(Locale.ROOT)) + 1)
                                .set("connection_auth_desc", e.authentication.toUpperCase(Locale.ROOT))
                                .set("certificate_id", cert == null ? null : cert.id)
                                .set("encryption_algorithm", Math.max(0, ALGORITHMS.indexOf(algorithm)))
                                .set("encryption_algorithm_desc", algorithm).map());
                    }
                    return rows;
                });
    }
}
