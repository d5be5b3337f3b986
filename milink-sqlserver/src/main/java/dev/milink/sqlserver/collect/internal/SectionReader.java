// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import static dev.milink.sqlserver.collect.internal.Values.lng;
import static dev.milink.sqlserver.collect.internal.Values.one;
import static dev.milink.sqlserver.collect.internal.Values.str;

import dev.milink.core.model.Fact;
import dev.milink.sqlserver.collect.internal.RawResults.Failed;
import dev.milink.sqlserver.collect.internal.RawResults.Rows;
import dev.milink.sqlserver.collect.internal.RawResults.SectionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The collected sections as facts: rows when the query ran, {@link Fact.Unknown} with a sentence saying why when it
 * did not (the permission it needs, or the error), or when the view hides rows from this login.
 */
final class SectionReader {

    /** Errors that mean "this login may not": their reasons name the permission the query needs. */
    private static final Set<Integer> PERMISSION_ERRORS = Set.of(229, 230, 262, 297, 300, 916, 15003, 15247, 15562);

    static final Map<String, String> SOURCES = Map.ofEntries(
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
    private int major = Section.OLDEST_MAJOR;

    SectionReader(RawResults raw) {
        this.raw = raw;
        this.server = rows("server").asOptional().filter(r -> !r.isEmpty()).map(r -> r.get(0)).orElse(Map.of());
    }

    /** The server's major version: a failed query's reason names what that version's query needs. */
    SectionReader major(int m) {
        this.major = m;
        return this;
    }

    /** The one row of the {@code server} section (SERVERPROPERTY and friends), or an empty map. */
    Map<String, Object> server() {
        return server;
    }

    Fact<List<Map<String, Object>>> rows(String section) {
        return rows(section, SOURCES.getOrDefault(section, section));
    }

    Fact<List<Map<String, Object>>> rows(String section, String source) {
        SectionResult r = raw.get(section);
        return switch (r) {
            case null -> Fact.unknown(source + " was not collected");
            case Rows rows -> Fact.of(rows.rows());
            case Failed f -> Fact.unknown(reason(section, source, f));
        };
    }

    /** Rows of a section whose view silently hides rows from logins without VIEW ANY DEFINITION. */
    Fact<List<Map<String, Object>>> visibleRows(String section) {
        Fact<List<Map<String, Object>>> r = rows(section);
        if (!r.isKnown() || one(server, "is_sysadmin") || one(server, "has_view_any_definition")) {
            return r;
        }
        return Fact.unknown(SOURCES.get(section) + " shows only what this login may see; it needs VIEW ANY DEFINITION"
                + " (or sysadmin) to be complete");
    }

    /**
     * Rows of an msdb Agent table: complete only for a sysadmin (other logins see their own jobs, or all of them
     * with SQLAgentReaderRole, which the collector cannot tell apart), so for anyone else the fact is unknown.
     */
    Fact<List<Map<String, Object>>> agentRows(String section) {
        Fact<List<Map<String, Object>>> r = rows(section);
        if (!r.isKnown() || one(server, "is_sysadmin")) {
            return r;
        }
        return Fact.unknown("msdb.dbo.sysjobs shows only this login's own jobs; sysadmin sees every job");
    }

    /** Rows keyed by {@code database_id}. */
    Fact<Map<Long, Map<String, Object>>> byId(String section) {
        return rows(section).map(r -> {
            Map<Long, Map<String, Object>> m = new LinkedHashMap<>();
            r.forEach(row -> m.put(Values.requiredLng(row, "database_id"), row));
            return m;
        });
    }

    /** Why the {@code server} section gave nothing for {@code what}. */
    String serverUnknown(String what) {
        return rows("server") instanceof Fact.Unknown<?> u ? u.reason() : what + " was not returned";
    }

    private String reason(String section, String source, Failed f) {
        String requirement = requirementOf(section);
        String error = f.number() == 0 ? f.message() : "error " + f.number() + ": " + f.message();
        if (requirement != null && PERMISSION_ERRORS.contains(f.number())) {
            return source + " needs " + requirement + " (" + error + ")";
        }
        return source + " could not be read (" + error + ")";
    }

    private String requirementOf(String section) {
        if (section.startsWith("database:")) {
            return Sections.DATABASE.requirement();
        }
        return Sections.INSTANCE.stream().filter(s -> s.name().equals(section)).findFirst()
                .map(s -> s.forMajor(major).orElse(s.latest()).requirement()).orElse(null);
    }

    // ---------------------------------------------------------------- combinators

    static Map<String, Map<String, Object>> index(List<Map<String, Object>> rows, String column) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        rows.forEach(row -> m.put(str(row, column), row));
        return m;
    }

    static <T> Fact<T> lookup(Fact<Map<Long, Map<String, Object>>> table, long id,
                              Function<Map<String, Object>, T> read, String source) {
        if (!table.isKnown()) {
            return Fact.unknown(table.reason());
        }
        Map<String, Object> row = table.orElse(Map.of()).get(id);
        return row == null ? Fact.unknown(source + " has no row for this database (hidden from this login?)")
                : Fact.ofNullable(read.apply(row), source + " returned NULL");
    }

    static <A, B> Fact<B> mapOr(Fact<A> f, Function<A, B> fn, String reasonIfNull) {
        return switch (f) {
            case Fact.Known<A> k -> Fact.ofNullable(fn.apply(k.value()), reasonIfNull);
            case Fact.Unknown<A> u -> Fact.unknown(u.reason());
        };
    }

    static Optional<Long> optionalLng(Map<String, Object> row, String column) {
        return Optional.ofNullable(lng(row, column));
    }
}
