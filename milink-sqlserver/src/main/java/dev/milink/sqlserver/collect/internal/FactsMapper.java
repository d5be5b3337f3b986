// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.sqlserver.connect.SqlError;
import static dev.milink.sqlserver.collect.internal.SectionReader.mapOr;
import static dev.milink.sqlserver.collect.internal.Values.intOr;
import static dev.milink.sqlserver.collect.internal.Values.lng;
import static dev.milink.sqlserver.collect.internal.Values.one;
import static dev.milink.sqlserver.collect.internal.Values.str;

import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import dev.milink.core.model.ServerFacts.Capacity;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.model.ServerFacts.Identity;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.model.ServerFacts.Product;
import dev.milink.core.model.ServerFacts.ServiceInfo;
import dev.milink.core.model.ServerFacts.Wsfc;
import dev.milink.core.model.SqlVersion;
import dev.milink.sqlserver.collect.internal.RawResults.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one mapping from {@link RawResults} to {@link ServerFacts}, used by the online collector and the offline
 * reader alike. Every component is either read or {@link Fact.Unknown} with a sentence saying why: the query
 * failed (with the permission it needs), SQL Server hid rows for lack of VIEW ANY DEFINITION, the database is not
 * online, or the item does not exist on this version. The instance-level facts are mapped here; the databases by
 * {@link DatabaseMapper}, startup parameters by {@link StartupParametersMapper}, typed column reads by
 * {@link Values}. A value milink cannot interpret ends the mapping of this one server with a message naming it.
 */
public final class FactsMapper {

    private final SectionReader sections;
    private final Map<String, Object> server;
    private final int major;
    private final int utcOffsetMinutes;

    private FactsMapper(RawResults raw, Integer loginMajor) {
        this.sections = new SectionReader(raw);
        this.server = sections.server();
        SqlVersion fromServer = Values.version(server, "product_version");
        this.major = fromServer != null ? fromServer.major() : loginMajor != null ? loginMajor : Section.OLDEST_MAJOR;
        sections.major(major);
        long offset = Optional.ofNullable(lng(server, "utc_offset_minutes")).orElse(0L);
        if (Math.abs(offset) > 18 * 60) {
            throw new OddValue("utc_offset_minutes", server.get("utc_offset_minutes"), "a UTC offset (-1080 to 1080)");
        }
        this.utcOffsetMinutes = (int) offset;
    }

    /**
     * Maps collected rows to facts.
     *
     * @param target      how the user named the instance
     * @param raw         the rows of both round trips (or of the offline file)
     * @param loginMajor  major version from the login (online), or null (offline: read from the rows)
     * @param fallbackNow collection time when the rows do not carry it
     * @throws MilinkException SQL_VALUE_UNREADABLE naming the column and the value when a value cannot be interpreted
     *                         (a version with five parts, text where a number belongs, NULL for a database's id)
     */
    public static ServerFacts map(String target, RawResults raw, Integer loginMajor, Instant fallbackNow) {
        try {
            return new FactsMapper(raw, loginMajor).facts(target, fallbackNow);
        } catch (OddValue e) {
            throw new MilinkException(SqlError.SQL_VALUE_UNREADABLE, target + " returned a value milink cannot"
                    + " interpret: " + e.getMessage() + ". The server was not assessed; please report the value.", e);
        }
    }

    /** The online user databases round trip 2 reads, from the {@code databases} section. */
    public static List<Batches.DatabaseRef> onlineUserDatabases(RawResults raw) {
        if (!(raw.get("databases") instanceof Rows r)) {
            return List.of();
        }
        return r.rows().stream()
                .filter(row -> safeId(row) > 4)
                .filter(row -> "ONLINE".equalsIgnoreCase(str(row, "state_desc")))
                .map(row -> new Batches.DatabaseRef((int) safeId(row), str(row, "name")))
                .sorted(Comparator.comparingInt(Batches.DatabaseRef::id))
                .toList();
    }

    /** The id, or -1 when odd (the mapping reports it afterwards, naming the value). */
    private static long safeId(Map<String, Object> row) {
        try {
            Long id = lng(row, "database_id");
            return id == null || str(row, "name") == null ? -1 : id;
        } catch (OddValue e) {
            return -1;
        }
    }

    private ServerFacts facts(String target, Instant fallbackNow) {
        Instant collectedAt = Optional.ofNullable(Values.utc(server, "collected_at_utc")).orElse(fallbackNow);
        Fact<HostInfo> host = host();
        return new ServerFacts(target, collectedAt, product(), host, identity(),
                serverFlag("is_sysadmin", "IS_SRVROLEMEMBER('sysadmin')"),
                serverFlag("is_hadr_enabled", "SERVERPROPERTY('IsHadrEnabled')"),
                sections.rows("hadr_cluster").map(r -> new Wsfc(r.isEmpty() ? null : str(r.get(0), "cluster_name"))),
                sections.visibleRows("system_account_permissions").map(r -> r.stream()
                        .map(row -> str(row, "permission_name")).filter(p -> p != null)
                        .collect(Collectors.toUnmodifiableSet())),
                sections.rows("trace_flags").map(r -> r.stream()
                        .filter(row -> one(row, "status") && one(row, "is_global"))
                        .map(row -> (int) Values.requiredLng(row, "trace_flag"))
                        .collect(Collectors.toUnmodifiableSet())),
                StartupParametersMapper.map(sections, host, major),
                mapOr(sections.rows("sys_info"), r -> r.isEmpty() ? null
                                : Values.local(r.get(0), "sqlserver_start_time", utcOffsetMinutes),
                        "sys.dm_os_sys_info returned no start time"),
                sections.visibleRows("master_key").map(r -> !r.isEmpty()
                        && Optional.ofNullable(lng(r.get(0), "master_keys")).orElse(0L) > 0),
                sections.visibleRows("certificates").map(r -> r.stream().map(FactsMapper::certificate)
                        .sorted(Comparator.comparingInt(Certificate::certificateId)).toList()),
                sections.visibleRows("mirroring_endpoint").map(r -> r.stream().map(FactsMapper::endpoint)
                        .sorted(Comparator.comparing(MirroringEndpoint::name,
                                Comparator.nullsFirst(Comparator.naturalOrder()))).toList()),
                sections.rows("services").map(r -> r.stream()
                        .map(row -> new ServiceInfo(str(row, "servicename"), str(row, "status_desc"),
                                str(row, "startup_type_desc")))
                        .sorted(Comparator.comparing(ServiceInfo::name,
                                Comparator.nullsFirst(Comparator.naturalOrder()))).toList()),
                sections.visibleRows("availability_groups").map(FactsMapper::availabilityGroups),
                sections.rows("configurations").map(r -> {
                    Map<String, Long> m = new TreeMap<>();
                    r.forEach(row -> m.put(Values.requiredStr(row, "name"), lng(row, "value_in_use")));
                    return java.util.Collections.unmodifiableMap(m);
                }),
                new DatabaseMapper(sections, major, utcOffsetMinutes).databases(),
                sections.agentRows("milink_jobs").map(r -> r.stream().map(row -> str(row, "name"))
                        .filter(n -> n != null).sorted().toList()),
                capacity());
    }

    /** CPUs and memory from {@code sys.dm_os_sys_info}; unknown when a column is missing (an older facts file). */
    private Fact<Capacity> capacity() {
        Fact<List<Map<String, Object>>> rows = sections.rows("sys_info");
        if (!(rows instanceof Fact.Known<List<Map<String, Object>>> k)) {
            return Fact.unknown(rows.reason());
        }
        if (k.value().isEmpty()) {
            return Fact.unknown("sys.dm_os_sys_info returned no row");
        }
        Map<String, Object> row = k.value().get(0);
        Long cpus = lng(row, "cpu_count");
        Long schedulers = lng(row, "scheduler_count");
        Long memory = lng(row, "physical_memory_kb");
        Long target = lng(row, "committed_target_kb");
        if (cpus == null || memory == null) {
            return Fact.unknown("sys.dm_os_sys_info gave no cpu_count or physical_memory_kb (facts saved by an "
                    + "older milink? collect them again)");
        }
        if (cpus < 1 || cpus > 65_535 || memory < 1 || (schedulers != null && (schedulers < 0 || schedulers > 65_535))
                || (target != null && target < 0)) {
            throw new OddValue("cpu_count/physical_memory_kb", cpus + "/" + memory, "a positive CPU count and memory");
        }
        return Fact.of(new Capacity(cpus.intValue(), schedulers == null ? 0 : schedulers.intValue(), memory,
                target == null ? 0 : target));
    }

    private Fact<Product> product() {
        SqlVersion version = Values.version(server, "product_version");
        if (version == null) {
            return Fact.unknown(sections.serverUnknown("the product version"));
        }
        return Fact.of(new Product(version, str(server, "product_level"),
                str(server, "product_update_level"), str(server, "product_update_reference"),
                str(server, "edition"), intOr(server, "engine_edition", 0), str(server, "version_banner")));
    }

    private Fact<Identity> identity() {
        if (server.isEmpty()) {
            return Fact.unknown(sections.serverUnknown("the server name"));
        }
        return Fact.of(new Identity(str(server, "server_name"), str(server, "machine_name"),
                str(server, "instance_name"), str(server, "collation"), one(server, "is_clustered")));
    }

    private Fact<Boolean> serverFlag(String column, String expression) {
        if (server.isEmpty()) {
            return Fact.unknown(sections.serverUnknown(expression));
        }
        Long v = lng(server, column);
        return v == null ? Fact.unknown(expression + " returned NULL on this server") : Fact.of(v == 1);
    }

    private Fact<HostInfo> host() {
        return mapOr(sections.rows("host"), r -> r.isEmpty() ? null : new HostInfo(str(r.get(0), "host_platform"),
                str(r.get(0), "host_distribution"), str(r.get(0), "host_release"),
                Optional.ofNullable(lng(r.get(0), "host_sku")).map(Long::intValue).orElse(null)),
                SectionReader.SOURCES.get("host") + " returned no row");
    }

    private static Certificate certificate(Map<String, Object> row) {
        return new Certificate(str(row, "name"), intOr(row, "certificate_id", 0), str(row, "subject"),
                str(row, "issuer_name"), Values.utc(row, "start_date"), Values.utc(row, "expiry_date"),
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
                .collect(Collectors.groupingBy(r -> Values.requiredStr(r, "name"), TreeMap::new, Collectors.toList()));
        List<AvailabilityGroup> out = new ArrayList<>();
        byName.forEach((name, group) -> out.add(new AvailabilityGroup(name, one(group.get(0), "is_distributed"),
                str(group.get(0), "cluster_type_desc"),
                group.stream().map(r -> str(r, "database_name")).filter(d -> d != null).sorted().toList())));
        return List.copyOf(out);
    }
}
