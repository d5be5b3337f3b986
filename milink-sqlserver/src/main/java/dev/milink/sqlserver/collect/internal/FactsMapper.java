// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.DatabaseFacts.Encryption;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.DatabaseFacts.Filegroup;
import dev.milink.core.model.DatabaseFacts.Replication;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.model.ServerFacts.Identity;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.model.ServerFacts.Product;
import dev.milink.core.model.ServerFacts.ServiceInfo;
import dev.milink.core.model.ServerFacts.StartupParameters;
import dev.milink.core.model.ServerFacts.Wsfc;
import dev.milink.core.model.SqlVersion;
import dev.milink.sqlserver.collect.internal.RawResults.Failed;
import dev.milink.sqlserver.collect.internal.RawResults.Rows;
import dev.milink.sqlserver.collect.internal.RawResults.SectionResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one mapping from {@link RawResults} to {@link ServerFacts}, used by the online collector and the offline
 * reader alike. Every component is either read or {@link Fact.Unknown} with a sentence saying why: the query
 * failed (with the permission it needs), SQL Server hid rows for lack of VIEW ANY DEFINITION, the database is not
 * online, or the item does not exist on this version.
 */
public final class FactsMapper {

    /** Errors that mean "this login may not": their reasons name the permission the query needs. */
    private static final Set<Integer> PERMISSION_ERRORS = Set.of(229, 230, 262, 297, 300, 916, 15003, 15247, 15562);

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("server", "SERVERPROPERTY"),
            Map.entry("host", "sys.dm_os_host_info"),
            Map.entry("sys_info", "sys.dm_os_sys_info"),
            Map.entry("hadr_cluster", "sys.dm_hadr_cluster"),
            Map.entry("system_account_permissions", "sys.server_permissions"),
            Map.entry("trace_flags", "DBCC TRACESTATUS(-1)"),
            Map.entry("registry_startup", "sys.dm_server_registry"),
            Map.entry("errorlog_startup", "the error log (xp_readerrorlog)"),
            Map.entry("master_key", "master.sys.symmetric_keys"),
            Map.entry("certificates", "master.sys.certificates"),
            Map.entry("mirroring_endpoint", "sys.database_mirroring_endpoints"),
            Map.entry("services", "sys.dm_server_services"),
            Map.entry("availability_groups", "sys.availability_groups"),
            Map.entry("configurations", "sys.configurations"),
            Map.entry("databases", "sys.databases"),
            Map.entry("database_mirroring", "sys.database_mirroring"),
            Map.entry("log_shipping", "msdb.dbo.log_shipping_primary_databases"),
            Map.entry("master_files", "sys.master_files"),
            Map.entry("encryption_keys", "sys.dm_database_encryption_keys"),
            Map.entry("backups", "msdb.dbo.backupset"),
            Map.entry("recovery_status", "sys.database_recovery_status"),
            Map.entry("pvs", "sys.dm_tran_persistent_version_store_stats"),
            Map.entry("log_space", "DBCC SQLPERF(LOGSPACE)"));

    private final RawResults raw;
    private final Map<String, Object> server;
    private final int major;
    private final int utcOffsetMinutes;

    private FactsMapper(RawResults raw, Integer loginMajor) {
        this.raw = raw;
        this.server = rows("server").asOptional().filter(r -> !r.isEmpty()).map(r -> r.get(0)).orElse(Map.of());
        Integer fromServer = Optional.ofNullable(str(server, "product_version"))
                .map(v -> SqlVersion.parse(v).major()).orElse(null);
        this.major = fromServer != null ? fromServer : loginMajor != null ? loginMajor : Section.OLDEST_MAJOR;
        this.utcOffsetMinutes = Optional.ofNullable(lng(server, "utc_offset_minutes")).map(Long::intValue).orElse(0);
    }

    /**
     * Maps collected rows to facts.
     *
     * @param target     how the user named the instance
     * @param raw        the rows of both round trips (or of the offline file)
     * @param loginMajor major version from the login (online), or null (offline: read from the rows)
     * @param fallbackNow collection time when the rows do not carry it
     */
    public static ServerFacts map(String target, RawResults raw, Integer loginMajor, Instant fallbackNow) {
        return new FactsMapper(raw, loginMajor).facts(target, fallbackNow);
    }

    /** The online user databases round trip 2 reads, from the {@code databases} section. */
    public static List<Batches.DatabaseRef> onlineUserDatabases(RawResults raw) {
        if (!(raw.get("databases") instanceof Rows r)) {
            return List.of();
        }
        return r.rows().stream()
                .filter(row -> lng(row, "database_id") != null && lng(row, "database_id") > 4)
                .filter(row -> "ONLINE".equalsIgnoreCase(str(row, "state_desc")))
                .map(row -> new Batches.DatabaseRef(lng(row, "database_id").intValue(), str(row, "name")))
                .sorted(Comparator.comparingInt(Batches.DatabaseRef::id))
                .toList();
    }

    private ServerFacts facts(String target, Instant fallbackNow) {
        Instant collectedAt = Optional.ofNullable(str(server, "collected_at_utc"))
                .map(s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC)).orElse(fallbackNow);
        Fact<HostInfo> host = host();
        return new ServerFacts(target, collectedAt, product(), host, identity(),
                serverFlag("is_sysadmin", "IS_SRVROLEMEMBER('sysadmin')"),
                serverFlag("is_hadr_enabled", "SERVERPROPERTY('IsHadrEnabled')"),
                rows("hadr_cluster").map(r -> new Wsfc(r.isEmpty() ? null : str(r.get(0), "cluster_name"))),
                visibleRows("system_account_permissions").map(r -> r.stream()
                        .map(row -> str(row, "permission_name")).collect(Collectors.toUnmodifiableSet())),
                rows("trace_flags").map(r -> r.stream()
                        .filter(row -> one(row, "status") && one(row, "is_global"))
                        .map(row -> lng(row, "trace_flag").intValue()).collect(Collectors.toUnmodifiableSet())),
                startupParameters(host),
                mapOr(rows("sys_info"), r -> r.isEmpty() ? null : local(str(r.get(0), "sqlserver_start_time")),
                        "sys.dm_os_sys_info returned no start time"),
                visibleRows("master_key").map(r -> !r.isEmpty() && lng(r.get(0), "master_keys") > 0),
                visibleRows("certificates").map(r -> r.stream().map(this::certificate)
                        .sorted(Comparator.comparingInt(Certificate::certificateId)).toList()),
                visibleRows("mirroring_endpoint").map(r -> r.stream().map(FactsMapper::endpoint)
                        .sorted(Comparator.comparing(MirroringEndpoint::name)).toList()),
                rows("services").map(r -> r.stream()
                        .map(row -> new ServiceInfo(str(row, "servicename"), str(row, "status_desc"),
                                str(row, "startup_type_desc")))
                        .sorted(Comparator.comparing(ServiceInfo::name)).toList()),
                visibleRows("availability_groups").map(FactsMapper::availabilityGroups),
                rows("configurations").map(r -> {
                    Map<String, Long> m = new TreeMap<>();
                    r.forEach(row -> m.put(str(row, "name"), lng(row, "value_in_use")));
                    return Map.copyOf(m);
                }),
                databases());
    }

    private Fact<Product> product() {
        String version = str(server, "product_version");
        if (version == null) {
            return Fact.unknown(serverUnknown("the product version"));
        }
        return Fact.of(new Product(SqlVersion.parse(version), str(server, "product_level"),
                str(server, "product_update_level"), str(server, "product_update_reference"),
                str(server, "edition"), intOr(server, "engine_edition", 0), str(server, "version_banner")));
    }

    private Fact<Identity> identity() {
        if (server.isEmpty()) {
            return Fact.unknown(serverUnknown("the server name"));
        }
        return Fact.of(new Identity(str(server, "server_name"), str(server, "machine_name"),
                str(server, "instance_name"), str(server, "collation"), one(server, "is_clustered")));
    }

    private Fact<Boolean> serverFlag(String column, String expression) {
        if (server.isEmpty()) {
            return Fact.unknown(serverUnknown(expression));
        }
        Long v = lng(server, column);
        return v == null ? Fact.unknown(expression + " returned NULL on this server") : Fact.of(v == 1);
    }

    private String serverUnknown(String what) {
        return rows("server") instanceof Fact.Unknown<?> u ? u.reason() : what + " was not returned";
    }

    private Fact<HostInfo> host() {
        return mapOr(rows("host"), r -> r.isEmpty() ? null : new HostInfo(str(r.get(0), "host_platform"),
                str(r.get(0), "host_distribution"), str(r.get(0), "host_release"),
                Optional.ofNullable(lng(r.get(0), "host_sku")).map(Long::intValue).orElse(null)),
                SOURCES.get("host") + " returned no row");
    }

    private Fact<StartupParameters> startupParameters(Fact<HostInfo> host) {
        boolean linux;
        if (host.isKnown()) {
            linux = host.orElse(null).isLinux();
        } else if (major <= 13) {
            linux = false; // SQL Server 2016 runs on Windows only
        } else {
            return Fact.unknown("the host platform is unknown (" + host.reason()
                    + "), so it is unclear whether startup parameters live in the registry or in mssql.conf");
        }
        if (!linux) {
            return mapOr(rows("registry_startup"), r -> {
                if (r.isEmpty()) {
                    return null;
                }
                List<String> args = r.stream()
                        .sorted(Comparator.comparingInt(row -> argIndex(str(row, "value_name"))))
                        .map(row -> str(row, "value_data")).filter(v -> v != null && !v.isBlank())
                        .map(String::strip).toList();
                return new StartupParameters(args, "registry");
            }, "sys.dm_server_registry returned no SQLArg values under ...\\MSSQLServer\\Parameters");
        }
        Fact<List<Map<String, Object>>> log = rows("errorlog_startup");
        if (!log.isKnown()) {
            return Fact.unknown(log.reason());
        }
        StartupParameters p = errorLogStartup(log.orElse(List.of()));
        if (p == null) {
            return Fact.unknown("the current error log does not start with the startup-parameter lines (it was"
                    + " cycled since the last restart); on Linux the persisted trace flags are in"
                    + " /var/opt/mssql/mssql.conf, section [traceflag]");
        }
        if (p.traceFlags().isEmpty()) {
            // Captured SQL Server on Linux error logs list only -d, -l and -e here, and no documentation says
            // whether trace flags set with mssql-conf would be listed, so their absence proves nothing.
            return Fact.unknown("the error log's startup lines (" + String.join(" ", p.arguments()) + ") list no -T"
                    + " trace flag, and SQL Server on Linux keeps the trace flags set with mssql-conf in"
                    + " /var/opt/mssql/mssql.conf [traceflag], which it is not known to list there; T-SQL cannot"
                    + " read that file (sudo cat /var/opt/mssql/mssql.conf shows it)");
        }
        return Fact.of(p);
    }

    private static StartupParameters errorLogStartup(List<Map<String, Object>> rows) {
        List<String> lines = new ArrayList<>();
        rows.stream().sorted(Comparator.comparingLong(r -> Optional.ofNullable(lng(r, "seq")).orElse(0L)))
                .forEach(r -> {
                    String text = str(r, "log_text");
                    if (text != null) {
                        lines.addAll(List.of(text.split("\\R")));
                    }
                });
        List<String> args = new ArrayList<>();
        boolean header = false;
        boolean inBlock = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.contains("startup parameters:") || t.contains("Startup Parameters:")) {
                header = true;
                inBlock = t.startsWith("Registry startup parameters") || t.contains("Command Line Startup Parameters");
                continue;
            }
            if (inBlock && t.startsWith("-")) {
                args.add(t);
            } else if (inBlock && !t.isEmpty()) {
                inBlock = false;
            }
        }
        return header ? new StartupParameters(List.copyOf(args), "errorlog") : null;
    }

    private static int argIndex(String valueName) {
        String digits = valueName == null ? "" : valueName.replaceAll("\\D", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private Certificate certificate(Map<String, Object> row) {
        return new Certificate(str(row, "name"), intOr(row, "certificate_id", 0), str(row, "subject"),
                str(row, "issuer_name"), utc(str(row, "start_date")), utc(str(row, "expiry_date")),
                str(row, "pvt_key_encryption_type"), str(row, "thumbprint"), str(row, "public_blob"));
    }

    private static MirroringEndpoint endpoint(Map<String, Object> row) {
        String ip = str(row, "ip_address");
        return new MirroringEndpoint(str(row, "name"), str(row, "state_desc"), str(row, "role_desc"),
                str(row, "connection_auth_desc"), str(row, "certificate_name"), one(row, "is_encryption_enabled"),
                str(row, "encryption_algorithm_desc"), intOr(row, "port", 0), ip == null ? "ALL" : ip);
    }

    private static List<AvailabilityGroup> availabilityGroups(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> byName = rows.stream()
                .collect(Collectors.groupingBy(r -> str(r, "name"), TreeMap::new, Collectors.toList()));
        List<AvailabilityGroup> out = new ArrayList<>();
        byName.forEach((name, group) -> out.add(new AvailabilityGroup(name, one(group.get(0), "is_distributed"),
                str(group.get(0), "cluster_type_desc"),
                group.stream().map(r -> str(r, "database_name")).filter(d -> d != null).sorted().toList())));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- databases

    private Fact<List<DatabaseFacts>> databases() {
        Fact<List<Map<String, Object>>> dbRows = rows("databases");
        if (!dbRows.isKnown()) {
            return Fact.unknown(dbRows.reason());
        }
        Fact<Map<Long, Map<String, Object>>> mirroring = byId("database_mirroring");
        Fact<Set<String>> logShipping = rows("log_shipping").map(r -> r.stream()
                .map(row -> str(row, "primary_database")).collect(Collectors.toCollection(TreeSet::new)));
        Fact<List<Map<String, Object>>> files = visibleRows("master_files");
        Fact<Map<Long, Map<String, Object>>> keys = byId("encryption_keys");
        Fact<List<Map<String, Object>>> backups = rows("backups");
        Fact<Map<Long, Map<String, Object>>> recovery = byId("recovery_status");
        Fact<Map<Long, Map<String, Object>>> pvs = major >= 15 ? byId("pvs") : Fact.of(Map.of());
        Fact<Map<String, Map<String, Object>>> logSpace = rows("log_space").map(r -> index(r, "database_name"));
        List<DatabaseFacts> out = new ArrayList<>();
        for (Map<String, Object> row : dbRows.orElse(List.of())) {
            long id = lng(row, "database_id");
            String name = str(row, "name");
            String state = str(row, "state_desc");
            boolean adr = one(row, "is_accelerated_database_recovery_on");
            Fact<Boolean> adrFact = Fact.of(adr);
            Fact<Integer> pvsFact = !adr ? Fact.unknown("not applicable: accelerated database recovery is off")
                    : pvs.isKnown() ? Fact.ofNullable(Optional.ofNullable(pvs.orElse(Map.of()).get(id))
                            .map(r -> intOr(r, "pvs_filegroup_id", 0)).orElse(null),
                            "sys.dm_tran_persistent_version_store_stats has no row for this database")
                    : Fact.unknown(pvs.reason());
            Fact<DatabaseFacts.Files> fileFact = files.map(r -> files(r, id));
            if (files.isKnown() && fileFact.orElse(null) == null) {
                fileFact = Fact.unknown("sys.master_files has no rows for this database");
            }
            DatabaseSection perDb = perDatabase((int) id, state);
            out.add(new DatabaseFacts((int) id, name, state, one(row, "is_read_only"), str(row, "user_access_desc"),
                    one(row, "is_auto_close_on"), str(row, "recovery_model_desc"),
                    intOr(row, "compatibility_level", 0), str(row, "collation_name"),
                    one(row, "in_availability_group"), str(row, "containment_desc"), one(row, "is_broker_enabled"),
                    new Replication(one(row, "is_published"), one(row, "is_subscribed"),
                            one(row, "is_merge_published"), one(row, "is_distributor"), one(row, "is_cdc_enabled")),
                    adrFact, pvsFact,
                    lookup(mirroring, id, r -> one(r, "mirrored"), "sys.database_mirroring"),
                    logShipping.map(set -> set.contains(name)),
                    fileFact, perDb.filegroups(), perDb.fileTables(),
                    keys.map(m -> Optional.ofNullable(m.get(id)).map(r -> new Encryption(
                            intOr(r, "encryption_state", 0), str(r, "encryptor_type"), str(r, "encryptor_thumbprint")))
                            .orElse(Encryption.NONE)),
                    backups.map(r -> backups(r, name)),
                    lookup(recovery, id, r -> one(r, "log_chain_started"), "sys.database_recovery_status"),
                    logSpace.isKnown() ? Fact.ofNullable(Optional.ofNullable(logSpace.orElse(Map.of()).get(name))
                            .map(r -> dbl(r, "log_space_used_percent")).orElse(null),
                            "DBCC SQLPERF(LOGSPACE) has no row for this database")
                            : Fact.unknown(logSpace.reason())));
        }
        out.sort(Comparator.comparingInt(DatabaseFacts::databaseId));
        return Fact.of(List.copyOf(out));
    }

    private record DatabaseSection(Fact<List<Filegroup>> filegroups, Fact<Integer> fileTables) {}

    private DatabaseSection perDatabase(int id, String state) {
        if (id <= 4) {
            String why = "not collected: system database";
            return new DatabaseSection(Fact.unknown(why), Fact.unknown(why));
        }
        if (!"ONLINE".equalsIgnoreCase(state)) {
            String why = "the database is " + state + ", so its catalog cannot be read";
            return new DatabaseSection(Fact.unknown(why), Fact.unknown(why));
        }
        Fact<List<Map<String, Object>>> r = rows(Sections.databaseSection(id), "[db].sys.filegroups");
        return new DatabaseSection(
                r.map(rows -> rows.stream().map(row -> new Filegroup(intOr(row, "data_space_id", 0),
                        str(row, "name"), str(row, "type"))).sorted(Comparator.comparingInt(Filegroup::id)).toList()),
                mapOr(r, rows -> rows.isEmpty() ? null : intOr(rows.get(0), "filetables", 0),
                        "[db].sys.filegroups returned no row"));
    }

    private static DatabaseFacts.Files files(List<Map<String, Object>> rows, long id) {
        int[] count = new int[5];
        long[] size = new long[5];
        boolean any = false;
        for (Map<String, Object> r : rows) {
            if (lng(r, "database_id") == id) {
                int type = intOr(r, "type", 4);
                if (type >= 0 && type < 5) {
                    count[type] += intOr(r, "files", 0);
                    size[type] += Optional.ofNullable(lng(r, "size_mb")).orElse(0L);
                    any = true;
                }
            }
        }
        return any ? new Files(count[0], count[1], count[2], size[0], size[1]) : null;
    }

    private Backups backups(List<Map<String, Object>> rows, String name) {
        Instant chain = null;
        boolean checksum = false;
        Instant copyOnly = null;
        Instant log = null;
        for (Map<String, Object> r : rows) {
            if (!name.equals(str(r, "database_name"))) {
                continue;
            }
            Instant at = local(str(r, "backup_finish_date"));
            boolean copy = one(r, "is_copy_only");
            if ("D".equals(str(r, "type")) && !copy) {
                chain = at;
                checksum = one(r, "has_backup_checksums");
            } else if ("D".equals(str(r, "type"))) {
                copyOnly = at;
            } else if ("L".equals(str(r, "type")) && at != null && (log == null || at.isAfter(log))) {
                log = at;
            }
        }
        return new Backups(chain, checksum, copyOnly, log);
    }

    // ---------------------------------------------------------------- reading sections

    private Fact<List<Map<String, Object>>> rows(String section) {
        return rows(section, SOURCES.getOrDefault(section, section));
    }

    private Fact<List<Map<String, Object>>> rows(String section, String source) {
        SectionResult r = raw.get(section);
        return switch (r) {
            case null -> Fact.unknown(source + " was not collected");
            case Rows rows -> Fact.of(rows.rows());
            case Failed f -> Fact.unknown(reason(section, source, f));
        };
    }

    private String reason(String section, String source, Failed f) {
        String requirement = requirementOf(section);
        String error = f.number() == 0 ? f.message() : "error " + f.number() + ": " + f.message();
        if (requirement != null && PERMISSION_ERRORS.contains(f.number())) {
            return source + " needs " + requirement + " (" + error + ")";
        }
        return source + " could not be read (" + error + ")";
    }

    private static String requirementOf(String section) {
        if (section.startsWith("database:")) {
            return Sections.DATABASE.requirement();
        }
        return Sections.INSTANCE.stream().filter(s -> s.name().equals(section)).findFirst()
                .map(s -> s.latest().requirement()).orElse(null);
    }

    /** Rows of a section whose view silently hides rows from logins without VIEW ANY DEFINITION. */
    private Fact<List<Map<String, Object>>> visibleRows(String section) {
        Fact<List<Map<String, Object>>> r = rows(section);
        if (!r.isKnown() || one(server, "is_sysadmin") || one(server, "has_view_any_definition")) {
            return r;
        }
        return Fact.unknown(SOURCES.get(section) + " shows only what this login may see; it needs VIEW ANY DEFINITION"
                + " (or sysadmin) to be complete");
    }

    private Fact<Map<Long, Map<String, Object>>> byId(String section) {
        return rows(section).map(r -> {
            Map<Long, Map<String, Object>> m = new LinkedHashMap<>();
            r.forEach(row -> m.put(lng(row, "database_id"), row));
            return m;
        });
    }

    private static Map<String, Map<String, Object>> index(List<Map<String, Object>> rows, String column) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        rows.forEach(row -> m.put(str(row, column), row));
        return m;
    }

    private static <T> Fact<T> lookup(Fact<Map<Long, Map<String, Object>>> table, long id,
                                      Function<Map<String, Object>, T> read, String source) {
        if (!table.isKnown()) {
            return Fact.unknown(table.reason());
        }
        Map<String, Object> row = table.orElse(Map.of()).get(id);
        return row == null ? Fact.unknown(source + " has no row for this database (hidden from this login?)")
                : Fact.ofNullable(read.apply(row), source + " returned NULL");
    }

    // ---------------------------------------------------------------- values

    private static <A, B> Fact<B> mapOr(Fact<A> f, Function<A, B> fn, String reasonIfNull) {
        return switch (f) {
            case Fact.Known<A> k -> Fact.ofNullable(fn.apply(k.value()), reasonIfNull);
            case Fact.Unknown<A> u -> Fact.unknown(u.reason());
        };
    }

    static String str(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    static Long lng(Map<String, Object> row, String column) {
        return switch (row.get(column)) {
            case null -> null;
            case Number n -> n.longValue();
            case Boolean b -> b ? 1L : 0L;
            case String s -> Long.valueOf(s.strip());
            default -> throw new IllegalArgumentException(column + " is not a number");
        };
    }

    private static Double dbl(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : v == null ? null : Double.valueOf(v.toString());
    }

    private static int intOr(Map<String, Object> row, String column, int fallback) {
        Long v = lng(row, column);
        return v == null ? fallback : v.intValue();
    }

    /** bit or int flag: true for 1/true, false for 0/false/NULL. */
    private static boolean one(Map<String, Object> row, String column) {
        Long v = lng(row, column);
        return v != null && v == 1;
    }

    private Instant local(String isoLocal) {
        return isoLocal == null ? null
                : LocalDateTime.parse(isoLocal).toInstant(ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60));
    }

    private static Instant utc(String iso) {
        return iso == null ? null : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }
}
