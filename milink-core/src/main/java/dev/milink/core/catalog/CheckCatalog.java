// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.catalog;

import dev.milink.core.check.Check;
import dev.milink.core.check.database.DatabaseChecks;
import dev.milink.core.check.instance.InstanceChecks;
import dev.milink.core.check.network.NetworkChecks;
import dev.milink.core.check.version.VersionChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every check milink runs, in report order. The lists live next to their checks (one per area package) and are
 * explicit, greppable lists; a test fails when a {@link Check} implementation is missing from them.
 *
 * @since 0.1
 */
public final class CheckCatalog {

    private final List<Check> checks;
    private final Map<String, Check> byId;

    private CheckCatalog(List<Check> checks) {
        this.checks = List.copyOf(checks);
        Map<String, Check> ids = new LinkedHashMap<>();
        for (Check c : checks) {
            register(ids, c.metadata().id(), c);
            c.metadata().aliases().forEach(alias -> register(ids, alias, c));
        }
        this.byId = Map.copyOf(ids);
    }

    private static void register(Map<String, Check> ids, String id, Check c) {
        if (ids.putIfAbsent(id, c) != null) {
            throw new IllegalStateException("duplicate check id " + id);
        }
    }

    /** The built-in catalog. */
    public static CheckCatalog standard() {
        List<Check> all = new ArrayList<>();
        all.addAll(VersionChecks.ALL);
        all.addAll(InstanceChecks.ALL);
        all.addAll(DatabaseChecks.ALL);
        all.addAll(NetworkChecks.ALL);
        return new CheckCatalog(all);
    }

    /** A catalog of the given checks (tests, custom selections). */
    public static CheckCatalog of(List<Check> checks) {
        return new CheckCatalog(checks);
    }

    public List<Check> checks() {
        return checks;
    }

    /** Finds a check by id or former id, case-insensitively. */
    public Optional<Check> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Check exact = byId.get(id);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byId.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(id.trim()))
                .map(Map.Entry::getValue).findFirst();
    }
}
