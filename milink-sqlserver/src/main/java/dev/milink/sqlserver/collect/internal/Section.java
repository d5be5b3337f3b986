// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One named query of the collection, with the SQL Server versions it runs on. Older versions can have their own
 * file (a column or view that does not exist yet there), chosen by the product major version: online from the
 * login's LOGINACK, in the offline script from {@code SERVERPROPERTY('ProductMajorVersion')}.
 *
 * @param name     section name; the key of its rows in {@link RawResults}
 * @param since    lowest major version the section applies to (13 = SQL Server 2016)
 * @param latest   resource for the newest versions
 * @param variants resource per highest major version it serves, e.g. {@code 13 → host.2016.sql}
 */
public record Section(String name, int since, SqlText latest, NavigableMap<Integer, SqlText> variants) {

    /** Lowest version milink supports: SQL Server 2016. */
    public static final int OLDEST_MAJOR = 13;

    static Section of(String name) {
        return new Section(name, OLDEST_MAJOR, SqlText.load(name + ".sql"), new TreeMap<>());
    }

    Section since(int major) {
        return new Section(name, major, latest, variants);
    }

    Section upTo(int major, String resource) {
        NavigableMap<Integer, SqlText> v = new TreeMap<>(variants);
        v.put(major, SqlText.load(resource));
        return new Section(name, since, latest, v);
    }

    /** The query for this major version, or empty when the section does not apply to it. */
    public Optional<SqlText> forMajor(int major) {
        if (major < since) {
            return Optional.empty();
        }
        Map.Entry<Integer, SqlText> v = variants.ceilingEntry(major);
        return Optional.of(v == null ? latest : v.getValue());
    }
}
