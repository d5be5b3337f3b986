// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The stand-in's resources: ARM JSON bodies keyed by resource id (compared case-insensitively, as ARM does).
 * Child resources (subnets, security rules, routes, databases, certificates, links) are stored on their own and
 * folded into their parent's body when the parent is read, so a PUT on a rule shows in the NSG's next GET.
 * Reads return copies; change state through {@link #put}, {@link #update} and {@link #remove}.
 *
 * <pre>{@code
 * arm.state().update(arm.managedInstanceId(), mi -> mi.with("properties").put("databaseFormat", "AlwaysUpToDate"));
 * ObjectNode rule = arm.state().get(arm.nsgId() + "/securityRules/allow_5022_in");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ArmState {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final List<AzureScenario.Permission> permissions = new ArrayList<>();

    ArmState() {}

    /** A copy of the resource's body, or null when there is none. */
    public synchronized ObjectNode get(String id) {
        ObjectNode n = resources.get(key(id));
        return n == null ? null : n.deepCopy();
    }

    public synchronized boolean exists(String id) { return resources.containsKey(key(id)); }

    /** Stores (or replaces) a resource; its body should carry {@code id}, {@code name} and {@code type}. */
    public synchronized void put(String id, ObjectNode body) { resources.put(key(id), body.deepCopy()); }

    /** Changes a stored resource in place. */
    public synchronized void update(String id, Consumer<ObjectNode> change) {
        ObjectNode n = resources.get(key(id));
        if (n == null) {
            throw new IllegalArgumentException("no resource " + id);
        }
        change.accept(n);
    }

    /** Removes a resource and everything below it; false when it did not exist. */
    public synchronized boolean remove(String id) {
        String k = key(id);
        boolean existed = resources.remove(k) != null;
        resources.keySet().removeIf(other -> other.startsWith(k + "/"));
        return existed;
    }

    /** Copies of the direct children of {@code parentId} of one kind, e.g. {@code securityRules}, in insertion order. */
    public synchronized List<ObjectNode> children(String parentId, String childType) {
        String prefix = key(parentId) + "/" + childType.toLowerCase(Locale.ROOT) + "/";
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : resources.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().indexOf('/', prefix.length()) < 0) {
                out.add(e.getValue().deepCopy());
            }
        }
        return out;
    }

    /** Every stored resource id, in insertion order (original case). */
    public synchronized List<String> ids() {
        return resources.values().stream().map(n -> n.path("id").asText()).toList();
    }

    /** The caller's permissions, as the permissions API lists them and the stand-in enforces them. */
    public synchronized List<AzureScenario.Permission> permissions() { return List.copyOf(permissions); }

    public synchronized void setPermissions(List<AzureScenario.Permission> newPermissions) {
        permissions.clear();
        permissions.addAll(newPermissions);
    }

    static String key(String id) {
        String k = id.toLowerCase(Locale.ROOT);
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }
}
