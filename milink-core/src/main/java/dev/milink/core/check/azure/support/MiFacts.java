// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The managed-instance end as the Azure checks read it. The engine calls a check that needs
 * {@code Part.MANAGED_INSTANCE} only when that part is present, so {@link #of} fails loudly (a bug) otherwise.
 */
public final class MiFacts {

    private MiFacts() {
    }

    /** The managed-instance end; present whenever a check that declares it runs. */
    public static ManagedInstanceFacts of(Facts facts) {
        return facts.managedInstance().asOptional().orElseThrow(() -> new IllegalStateException(
                "the managed-instance end is not present: " + facts.managedInstance().reason()));
    }

    /** The managed-instance end when present (checks of the SQL Server end that use it when they can). */
    public static Optional<ManagedInstanceFacts> optional(Facts facts) {
        return facts.managedInstance().asOptional();
    }

    /** "managed instance 'NAME'" for messages. */
    public static String label(ManagedInstanceFacts mi) {
        return "managed instance '" + mi.name() + "'";
    }

    /** The UNKNOWN message for an ARM read that failed. */
    public static String unreadable(ManagedInstanceFacts mi, String what, Fact<?> fact) {
        return capitalize(what) + " of " + label(mi) + " could not be read: " + fact.reason();
    }

    /**
     * The databases the link will carry from SQL Server: those named with {@code --database} (case-insensitive),
     * else every user database; empty when the databases could not be listed.
     */
    public static List<DatabaseFacts> selectedDatabases(Facts facts) {
        List<DatabaseFacts> all = facts.server().databases().orElse(List.of());
        if (facts.link().databases().isEmpty()) {
            return all.stream().filter(d -> !d.isSystem()).toList();
        }
        Set<String> names = facts.link().databases().stream().map(MiFacts::lower).collect(Collectors.toSet());
        return all.stream().filter(d -> names.contains(lower(d.name()))).toList();
    }

    /** The names the link's databases will have on the managed instance (the SQL Server names, or those given). */
    public static List<String> selectedNames(Facts facts) {
        return facts.link().databases().isEmpty()
                ? selectedDatabases(facts).stream().map(DatabaseFacts::name).toList()
                : facts.link().databases();
    }

    /** One segment of an ARM resource id, e.g. {@code resourceGroups} gives the resource group; empty if absent. */
    public static Optional<String> segment(String resourceId, String key) {
        if (resourceId == null) {
            return Optional.empty();
        }
        String[] parts = resourceId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase(key)) {
                return Optional.of(parts[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** The last segment of a resource id: the resource's name. */
    public static String lastSegment(String resourceId) {
        return resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
