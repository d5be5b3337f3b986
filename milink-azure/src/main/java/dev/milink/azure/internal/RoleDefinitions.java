// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.core.model.ManagedInstanceFacts.Permission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Role definitions by name and id, to turn {@code az role assignment list} into permissions offline. Only the
 * three roles whose definitions are short and stable are built in (Owner, Contributor, Reader); any other role
 * needs its {@code az role definition list --name ROLE} output.
 */
public final class RoleDefinitions {
    private final Map<String, List<Permission>> byKey;

    private RoleDefinitions(Map<String, List<Permission>> byKey) {
        this.byKey = byKey;
    }

    public static RoleDefinitions builtIn() {
        Map<String, List<Permission>> m = new HashMap<>();
        put(m, "Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", List.of(new Permission(List.of("*"), List.of())));
        put(m, "Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", List.of(new Permission(List.of("*"),
                List.of("Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
                        "Microsoft.Authorization/elevateAccess/Action"))));
        put(m, "Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7", List.of(new Permission(List.of("*/read"),
                List.of())));
        return new RoleDefinitions(m);
    }

    /** These definitions plus those in {@code az role definition list} output. */
    public RoleDefinitions with(List<JsonNode> definitions) {
        Map<String, List<Permission>> m = new HashMap<>(byKey);
        for (JsonNode d : definitions) {
            JsonNode flat = ArmJson.flatten(d);
            List<Permission> permissions = new ArrayList<>();
            for (JsonNode p : flat.path("permissions")) {
                permissions.add(ArmResources.permission(p));
            }
            String name = flat.path("roleName").asText("");
            String id = flat.path("name").asText("");
            put(m, name, id, permissions);
        }
        return new RoleDefinitions(m);
    }

    /** The permissions of the role named {@code name} or with the definition id {@code id}, or null. */
    public List<Permission> find(String name, String id) {
        List<Permission> byName = byKey.get(key(name));
        if (byName != null) {
            return byName;
        }
        String guid = id.substring(id.lastIndexOf('/') + 1);
        return byKey.get(key(guid));
    }

    /** Whether an assignment at {@code scope} applies to {@code resourceId} (same or a parent scope). */
    public static boolean covers(String scope, String resourceId) {
        String s = scope.toLowerCase(Locale.ROOT);
        String r = resourceId.toLowerCase(Locale.ROOT);
        return "/".equals(s) || r.equals(s) || r.startsWith(s.endsWith("/") ? s : s + "/");
    }

    private static void put(Map<String, List<Permission>> m, String name, String id, List<Permission> permissions) {
        if (!name.isEmpty()) {
            m.put(key(name), permissions);
        }
        if (!id.isEmpty()) {
            m.put(key(id), permissions);
        }
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
