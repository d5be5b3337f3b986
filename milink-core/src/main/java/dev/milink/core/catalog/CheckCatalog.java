// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.catalog;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.DidYouMean;
import dev.milink.core.error.MilinkException;
import dev.milink.core.check.Check;
import dev.milink.core.check.azure.AzureChecks;
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
        this.byId = java.util.Collections.unmodifiableMap(ids);
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
        all.addAll(AzureChecks.ALL);
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

    /** Every id and former id, in catalog order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The closest ids to a mistyped one ("MIL-D7 or MIL-D17"), for "did you mean" messages. */
    public Optional<String> suggest(String id) {
        List<String> close = DidYouMean.closest(ids(), id);
        return close.isEmpty() ? Optional.empty() : Optional.of(String.join(" or ", close));
    }

    /** The check with this id or former id; an unknown id is a usage error naming the closest ids. */
    public Check require(String id) {
        return find(id).orElseThrow(() -> new MilinkException(CoreError.USAGE, "Unknown check id '" + id + "'."
                + DidYouMean.hint(ids(), id) + " Run 'milink checks list' to see every id."));
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
