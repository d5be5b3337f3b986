// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import static dev.milink.sqlserver.collect.internal.SectionReader.index;
import static dev.milink.sqlserver.collect.internal.SectionReader.lookup;
import static dev.milink.sqlserver.collect.internal.SectionReader.mapOr;
import static dev.milink.sqlserver.collect.internal.Values.dbl;
import static dev.milink.sqlserver.collect.internal.Values.intOr;
import static dev.milink.sqlserver.collect.internal.Values.lng;
import static dev.milink.sqlserver.collect.internal.Values.one;
import static dev.milink.sqlserver.collect.internal.Values.str;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.DatabaseFacts.Encryption;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.DatabaseFacts.Filegroup;
import dev.milink.core.model.DatabaseFacts.Replication;
import dev.milink.core.model.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code sys.databases} joined with every per-database view (mirroring, log shipping, files, encryption, backups,
 * recovery status, version store, log space) and the per-database round trip (filegroups, FileTables).
 */
final class DatabaseMapper {

    private final SectionReader sections;
    private final int major;
    private final int utcOffsetMinutes;

    DatabaseMapper(SectionReader sections, int major, int utcOffsetMinutes) {
        this.sections = sections;
        this.major = major;
        this.utcOffsetMinutes = utcOffsetMinutes;
    }

    Fact<List<DatabaseFacts>> databases() {
        Fact<List<Map<String, Object>>> dbRows = sections.rows("databases");
        if (!dbRows.isKnown()) {
            return Fact.unknown(dbRows.reason());
        }
        Fact<Map<Long, Map<String, Object>>> mirroring = sections.byId("database_mirroring");
        Fact<Set<String>> logShipping = sections.rows("log_shipping").map(r -> r.stream()
                .map(row -> str(row, "primary_database")).filter(n -> n != null)
                .collect(Collectors.toCollection(TreeSet::new)));
        Fact<List<Map<String, Object>>> files = sections.visibleRows("master_files");
        Fact<Map<Long, Map<String, Object>>> keys = sections.byId("encryption_keys");
        Fact<List<Map<String, Object>>> backups = sections.rows("backups");
        Fact<Map<Long, Map<String, Object>>> recovery = sections.byId("recovery_status");
        Fact<Map<Long, Map<String, Object>>> pvs = major >= 15 ? sections.byId("pvs") : Fact.of(Map.of());
        Fact<Map<String, Map<String, Object>>> logSpace = sections.rows("log_space")
                .map(r -> index(r, "database_name"));
        List<DatabaseFacts> out = new ArrayList<>();
        for (Map<String, Object> row : dbRows.orElse(List.of())) {
            long id = Values.requiredLng(row, "database_id");
            String name = Values.requiredStr(row, "name");
            String state = str(row, "state_desc");
            boolean adr = one(row, "is_accelerated_database_recovery_on");
            Fact<Integer> pvsFact = !adr ? Fact.unknown("not applicable: accelerated database recovery is off")
                    : pvs.isKnown() ? Fact.ofNullable(Optional.ofNullable(pvs.orElse(Map.of()).get(id))
                            .map(r -> intOr(r, "pvs_filegroup_id", 0)).orElse(null),
                            "sys.dm_tran_persistent_version_store_stats has no row for this database")
                    : Fact.unknown(pvs.reason());
            Fact<Files> fileFact = files.map(r -> files(r, id));
            if (files.isKnown() && fileFact.orElse(null) == null) {
                fileFact = Fact.unknown("sys.master_files has no rows for this database");
            }
            PerDatabase perDb = perDatabase((int) id, state);
            out.add(new DatabaseFacts((int) id, name, state, one(row, "is_read_only"), str(row, "user_access_desc"),
                    one(row, "is_auto_close_on"), str(row, "recovery_model_desc"),
                    intOr(row, "compatibility_level", 0), str(row, "collation_name"),
                    one(row, "in_availability_group"), str(row, "containment_desc"), one(row, "is_broker_enabled"),
                    new Replication(one(row, "is_published"), one(row, "is_subscribed"),
                            one(row, "is_merge_published"), one(row, "is_distributor"), one(row, "is_cdc_enabled")),
                    Fact.of(adr), pvsFact,
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

    private record PerDatabase(Fact<List<Filegroup>> filegroups, Fact<Integer> fileTables) {}

    private PerDatabase perDatabase(int id, String state) {
        if (id <= 4) {
            String why = "not collected: system database";
            return new PerDatabase(Fact.unknown(why), Fact.unknown(why));
        }
        if (!"ONLINE".equalsIgnoreCase(state)) {
            String why = "the database is " + state + ", so its catalog cannot be read";
            return new PerDatabase(Fact.unknown(why), Fact.unknown(why));
        }
        Fact<List<Map<String, Object>>> r = sections.rows(Sections.databaseSection(id), "[db].sys.filegroups");
        return new PerDatabase(
                r.map(rows -> rows.stream().map(row -> new Filegroup(intOr(row, "data_space_id", 0),
                        str(row, "name"), str(row, "type"))).sorted(Comparator.comparingInt(Filegroup::id)).toList()),
                mapOr(r, rows -> rows.isEmpty() ? null : intOr(rows.get(0), "filetables", 0),
                        "[db].sys.filegroups returned no row"));
    }

    private static Files files(List<Map<String, Object>> rows, long id) {
        int[] count = new int[5];
        long[] size = new long[5];
        boolean any = false;
        for (Map<String, Object> r : rows) {
            Long rowId = lng(r, "database_id");
            if (rowId != null && rowId == id) {
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
            Instant at = Values.local(r, "backup_finish_date", utcOffsetMinutes);
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
}
