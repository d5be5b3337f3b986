// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import java.util.List;

/**
 * The catalog of collection queries, in batch order. Round trip 1 runs {@link #INSTANCE}; round trip 2 runs
 * {@link #DATABASE} once per online user database. The offline script is generated from the same list.
 */
public final class Sections {

    public static final List<Section> INSTANCE = List.of(
            Section.of("server"),
            Section.of("host").upTo(13, "host.2016.sql"),
            Section.of("sys_info").upTo(15, "sys_info.2019.sql"),
            Section.of("hadr_cluster"),
            Section.of("system_account_permissions"),
            Section.of("trace_flags"),
            Section.of("registry_startup"),
            Section.of("errorlog_startup").since(14),
            Section.of("master_key"),
            Section.of("certificates"),
            Section.of("mirroring_endpoint"),
            Section.of("services"),
            Section.of("availability_groups").upTo(13, "availability_groups.2016.sql"),
            Section.of("configurations"),
            Section.of("databases").upTo(14, "databases.2017.sql"),
            Section.of("database_mirroring"),
            Section.of("log_shipping"),
            Section.of("master_files"),
            Section.of("encryption_keys"),
            Section.of("backups"),
            Section.of("recovery_status"),
            Section.of("pvs").since(15),
            Section.of("log_space"),
            Section.of("milink_jobs"));

    /** Per-database template: {@code {db}} → the quoted name, {@code {database_id}} → the id. */
    public static final SqlText DATABASE = SqlText.load("database.sql");

    /** Section name of one database's per-database rows. */
    public static String databaseSection(int databaseId) {
        return "database:" + databaseId;
    }

    /** The section of this name. */
    public static Section named(String name) {
        return INSTANCE.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section " + name));
    }

    private Sections() {
    }
}
