// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.azure.internal.ArmResources;
import dev.milink.azure.internal.RoleDefinitions;
import dev.milink.core.error.MilinkException;
import dev.milink.core.internal.Json;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.CallerPermissions;
import dev.milink.core.model.ManagedInstanceFacts.DistributedAvailabilityGroup;
import dev.milink.core.model.ManagedInstanceFacts.EndpointCertificate;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.Permission;
import dev.milink.core.model.ManagedInstanceFacts.RouteTable;
import dev.milink.core.model.ManagedInstanceFacts.Subnet;
import dev.milink.core.model.ManagedInstanceFacts.TrustCertificate;
import dev.milink.core.model.ManagedInstanceFacts.VirtualNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The managed instance end from saved JSON, for people who cannot give milink Azure credentials: the output of
 * {@code az sql mi show}, {@code az network vnet subnet show}, {@code az network vnet show}, {@code az network nsg show},
 * {@code az network route-table show}, {@code az role assignment list} (+ {@code az role definition list} for
 * custom roles), the permissions API through {@code az rest}, {@code az sql mi server-trust-certificate list},
 * {@code az sql mi endpoint-cert show}, {@code az sql mi link list}, {@code az sql midb list},
 * {@code az sql instance-failover-group list} and {@code az sql mi tde-key show}; REST bodies ({@code az rest})
 * work too. Each file is recognised by the resources' {@code type}, so the order and file names do not matter;
 * a part no file provides is unknown, "not in the given files", naming the command that gives it.
 *
 * <pre>{@code
 * ManagedInstanceFacts mi = AzureOfflineFacts.read(List.of(Path.of("mi.json"), Path.of("nsg.json")));
 * }</pre>
 *
 * @since 0.2
 */
public final class AzureOfflineFacts {
    /** Largest file read (az output for an NSG with hundreds of rules is well below 1 MiB). */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final Pattern MI_ID = Pattern.compile(
            "(?i)^(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Sql/managedInstances/[^/]+)");

    private AzureOfflineFacts() {}

    /** The kinds of saved output milink recognises, with the command that produces each. */
    enum Kind {
        MANAGED_INSTANCE("microsoft.sql/managedinstances", "az sql mi show -g RG -n MI"),
        DATABASE("microsoft.sql/managedinstances/databases", "az sql midb list -g RG --mi MI"),
        TRUST_CERTIFICATE("microsoft.sql/managedinstances/servertrustcertificates",
                "az sql mi server-trust-certificate list -g RG --mi MI"),
        ENDPOINT_CERTIFICATE("microsoft.sql/managedinstances/endpointcertificates",
                "az sql mi endpoint-cert show -g RG --instance-name MI -n DATABASE_MIRRORING"),
        LINK("microsoft.sql/managedinstances/distributedavailabilitygroups", "az sql mi link list -g RG --mi MI"),
        ENCRYPTION_PROTECTOR("microsoft.sql/managedinstances/encryptionprotector", "az sql mi tde-key show -g RG "
                + "--mi MI"),
        FAILOVER_GROUP("microsoft.sql/locations/instancefailovergroups", "az sql instance-failover-group list -g RG "
                + "-l LOCATION"),
        SUBNET("microsoft.network/virtualnetworks/subnets", "az network vnet subnet show --ids SUBNET_ID"),
        VIRTUAL_NETWORK("microsoft.network/virtualnetworks", "az network vnet show --ids VNET_ID"),
        NSG("microsoft.network/networksecuritygroups", "az network nsg show --ids NSG_ID"),
        ROUTE_TABLE("microsoft.network/routetables", "az network route-table show --ids ROUTE_TABLE_ID"),
        PERMISSION("", "az rest --url MI_ID/providers/Microsoft.Authorization/permissions?api-version=2022-04-01"),
        ROLE_ASSIGNMENT("microsoft.authorization/roleassignments", "az role assignment list --assignee ME --scope "
                + "MI_ID --include-inherited"),
        ROLE_DEFINITION("microsoft.authorization/roledefinitions", "az role definition list --name ROLE");

        final String type;
        final String command;

        Kind(String type, String command) {
            this.type = type;
            this.command = command;
        }
    }

    /** Reads and judges the files; the collection time is now. */
    public static ManagedInstanceFacts read(List<Path> files) {
        return read(files, Clock.systemUTC());
    }

    /**
     * Reads and judges the files.
     *
     * @throws MilinkException AZURE_FACTS_FILE_INVALID for a file that cannot be read, is too large, is not JSON or
     *                         holds nothing milink recognises (exit code 2)
     */
    public static ManagedInstanceFacts read(List<Path> files, Clock clock) {
        if (files.isEmpty()) {
            throw invalid("no saved Azure output given");
        }
        Map<Kind, List<JsonNode>> found = new EnumMap<>(Kind.class);
        for (Path file : files) {
            for (Map.Entry<Kind, List<JsonNode>> e : classify(file, parse(file)).entrySet()) {
                found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
            }
        }
        return build(found, clock);
    }

    // ---- reading and recognising ----

    private static JsonNode parse(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw invalid(file + " is not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw invalid(file + " is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode node = text.isBlank() ? null : Json.mapper().readTree(text);
            if (node == null) {
                throw invalid(file + " is empty, not JSON (save az output with -o json)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid(file + " is not JSON (save az output with -o json): "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new MilinkException(AzureError.AZURE_FACTS_FILE_INVALID, "Cannot read " + file + ": "
                    + e.getClass().getSimpleName() + ".", e);
        }
    }

    private static Map<Kind, List<JsonNode>> classify(Path file, JsonNode root) {
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else if (root.isObject() && root.path("value").isArray() && !root.has("type")) {
            root.path("value").forEach(items::add);
        } else if (root.isObject()) {
            items.add(root);
        } else {
            throw invalid(file + " holds a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not az output");
        }
        Map<Kind, List<JsonNode>> out = new EnumMap<>(Kind.class);
        if (items.isEmpty()) {
            Kind hinted = fromFileName(file);
            if (hinted == null) {
                throw invalid(file + " is an empty list, and its name does not say what of (name it e.g. "
                        + "trust-certificates.json, databases.json, links.json, failover-groups.json)");
            }
            out.put(hinted, new ArrayList<>());
            return out;
        }
        for (JsonNode item : items) {
            Kind kind = kindOf(item);
            if (kind == null) {
                String type = item.path("type").asText("");
                throw invalid(file + " holds " + (type.isEmpty() ? "JSON without a resource type"
                        : "a resource of type " + type) + ", which milink does not read; docs/azure.md lists "
                        + "the az commands whose output it reads");
            }
            out.computeIfAbsent(kind, k -> new ArrayList<>()).add(item);
        }
        return out;
    }

    private static Kind kindOf(JsonNode item) {
        if (!item.isObject()) {
            return null;
        }
        String type = item.path("type").asText("").toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            return item.path("actions").isArray() ? Kind.PERMISSION : null;
        }
        for (Kind k : Kind.values()) {
            if (!k.type.isEmpty() && k.type.equals(type)) {
                return k;
            }
        }
        return null;
    }

    private static Kind fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("trust")) {
            return Kind.TRUST_CERTIFICATE;
        }
        if (name.contains("database") || name.contains("midb")) {
            return Kind.DATABASE;
        }
        if (name.contains("link") || name.contains("dag") || name.contains("distributed")) {
            return Kind.LINK;
        }
        if (name.contains("failover")) {
            return Kind.FAILOVER_GROUP;
        }
        if (name.contains("permission")) {
            return Kind.PERMISSION;
        }
        if (name.contains("role")) {
            return Kind.ROLE_ASSIGNMENT;
        }
        return null;
    }

    // ---- building the facts ----

    private static ManagedInstanceFacts build(Map<Kind, List<JsonNode>> found, Clock clock) {
        List<JsonNode> instances = found.getOrDefault(Kind.MANAGED_INSTANCE, List.of());
        List<String> ids = instances.stream().map(n -> n.path("id").asText("")).distinct().toList();
        if (ids.size() > 1) {
            throw invalid("the files describe several managed instances (" + String.join(", ", ids)
                    + "); give one managed instance's files per run");
        }
        String resourceId = ids.isEmpty() ? derivedId(found) : ids.get(0);
        Fact<ManagedInstance> instance = instances.isEmpty() ? missing(Kind.MANAGED_INSTANCE)
                : mapped(instances.get(0), ArmResources::managedInstance, "az sql mi show");
        Fact<Subnet> subnet = subnet(found.get(Kind.SUBNET), instance);
        return new ManagedInstanceFacts(resourceId, clock.instant(), instance,
                all(found, Kind.DATABASE, ArmResources::database),
                all(found, Kind.TRUST_CERTIFICATE, ArmResources::trustCertificate),
                first(found, Kind.ENDPOINT_CERTIFICATE, ArmResources::endpointCertificate),
                all(found, Kind.LINK, ArmResources::link), failoverGroups(found, resourceId),
                first(found, Kind.ENCRYPTION_PROTECTOR, ArmResources::encryptionProtector), subnet,
                attached(found.get(Kind.NSG), subnet, Subnet::nsgId, Kind.NSG, ArmResources::networkSecurityGroup),
                attached(found.get(Kind.ROUTE_TABLE), subnet, Subnet::routeTableId, Kind.ROUTE_TABLE,
                        ArmResources::routeTable),
                permissions(found, resourceId),
                virtualNetwork(found.get(Kind.VIRTUAL_NETWORK), instance, subnet));
    }

    /** The virtual network of the MI's subnet when several are given; the only one otherwise. */
    private static Fact<VirtualNetwork> virtualNetwork(List<JsonNode> nodes, Fact<ManagedInstance> instance,
                                                       Fact<Subnet> subnet) {
        String subnetId = instance.asOptional().map(ManagedInstance::subnetId)
                .or(() -> subnet.asOptional().map(Subnet::id)).orElse(null);
        String wanted = ArmResources.virtualNetworkIdOf(subnetId);
        if (nodes == null || nodes.isEmpty()) {
            return Fact.unknown("not in the given files (add the output of '" + Kind.VIRTUAL_NETWORK.command
                    .replace("VNET_ID", wanted == null ? "VNET_ID" : wanted) + "')");
        }
        if (wanted != null) {
            for (JsonNode n : nodes) {
                if (wanted.equalsIgnoreCase(n.path("id").asText(""))) {
                    return mapped(n, ArmResources::virtualNetwork, Kind.VIRTUAL_NETWORK.command);
                }
            }
            return Fact.unknown("the managed instance's virtual network " + wanted + " is not in the given files (add "
                    + "the output of 'az network vnet show --ids " + wanted + "')");
        }
        return nodes.size() == 1 ? mapped(nodes.get(0), ArmResources::virtualNetwork, Kind.VIRTUAL_NETWORK.command)
                : Fact.unknown("several virtual networks are in the given files and no 'az sql mi show' output "
                        + "says which one is the managed instance's");
    }

    /** The MI's id from any of its children's ids when {@code az sql mi show} was not given. */
    private static String derivedId(Map<Kind, List<JsonNode>> found) {
        for (List<JsonNode> nodes : found.values()) {
            for (JsonNode n : nodes) {
                Matcher m = MI_ID.matcher(n.path("id").asText(""));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return "/subscriptions/unknown/resourceGroups/unknown/providers/Microsoft.Sql/managedInstances/unknown";
    }

    private static <T> Fact<T> missing(Kind kind) {
        return Fact.unknown("not in the given files (add the output of '" + kind.command + "')");
    }

    private static <T> Fact<T> mapped(JsonNode node, Function<JsonNode, T> mapper, String what) {
        try {
            return Fact.ofNullable(mapper.apply(node), what + " output is empty");
        } catch (IllegalArgumentException e) {
            throw invalid("the " + what + " output has an unexpected shape: " + e.getMessage());
        }
    }

    private static <T> Fact<List<T>> all(Map<Kind, List<JsonNode>> found, Kind kind, Function<JsonNode, T> mapper) {
        List<JsonNode> nodes = found.get(kind);
        if (nodes == null) {
            return missing(kind);
        }
        List<T> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            out.add(mapped(n, mapper, kind.command).orElse(null));
        }
        return Fact.of(out);
    }

    private static <T> Fact<T> first(Map<Kind, List<JsonNode>> found, Kind kind, Function<JsonNode, T> mapper) {
        List<JsonNode> nodes = found.get(kind);
        return nodes == null || nodes.isEmpty() ? missing(kind) : mapped(nodes.get(0), mapper, kind.command);
    }

    private static Fact<List<String>> failoverGroups(Map<Kind, List<JsonNode>> found, String miId) {
        List<JsonNode> nodes = found.get(Kind.FAILOVER_GROUP);
        if (nodes == null) {
            return missing(Kind.FAILOVER_GROUP);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : nodes) {
            String name = ArmResources.failoverGroupOf(n, miId);
            if (name != null) {
                names.add(name);
            }
        }
        return Fact.of(names);
    }

    /** The subnet the MI names when several are given; the only one otherwise. */
    private static Fact<Subnet> subnet(List<JsonNode> nodes, Fact<ManagedInstance> instance) {
        if (nodes == null || nodes.isEmpty()) {
            return missing(Kind.SUBNET);
        }
        List<Subnet> subnets = nodes.stream().map(n -> mapped(n, ArmResources::subnet, Kind.SUBNET.command)
                .orElse(null)).toList();
        String wanted = instance.asOptional().map(ManagedInstance::subnetId).orElse(null);
        if (wanted != null) {
            Optional<Subnet> match = subnets.stream().filter(s -> wanted.equalsIgnoreCase(s.id())).findFirst();
            if (match.isPresent()) {
                return Fact.of(match.get());
            }
            return Fact.unknown("the managed instance's subnet " + wanted + " is not in the given files (the "
                    + "subnet given is another one; add the output of 'az network vnet subnet show --ids "
                    + wanted + "')");
        }
        return subnets.size() == 1 ? Fact.of(subnets.get(0)) : Fact.unknown("several subnets are in the given "
                + "files and no 'az sql mi show' output says which one is the managed instance's");
    }

    /**
     * The NSG or route table of the subnet: Known empty when the subnet has none; when the subnet is not given,
     * the one file given is taken as the subnet's.
     */
    private static <T> Fact<Optional<T>> attached(List<JsonNode> nodes, Fact<Subnet> subnet,
                                                  Function<Subnet, String> idOf, Kind kind,
                                                  Function<JsonNode, T> mapper) {
        List<JsonNode> given = nodes == null ? List.of() : nodes;
        if (subnet instanceof Fact.Known<Subnet> known) {
            String id = idOf.apply(known.value());
            if (id == null || id.isBlank()) {
                return Fact.of(Optional.empty());
            }
            for (JsonNode n : given) {
                if (id.equalsIgnoreCase(n.path("id").asText(""))) {
                    return mapped(n, mapper, kind.command).map(Optional::of);
                }
            }
            return Fact.unknown("the subnet's " + id.substring(id.lastIndexOf('/') + 1) + " is not in the given "
                    + "files (add the output of '" + kind.command.replace(kind == Kind.NSG ? "NSG_ID"
                    : "ROUTE_TABLE_ID", id) + "')");
        }
        if (given.size() == 1) {
            return mapped(given.get(0), mapper, kind.command).map(Optional::of);
        }
        return given.isEmpty() ? missing(kind) : Fact.unknown("several " + kind.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + "s are in the given files and no subnet output says which one is attached");
    }

    /** The permissions API output as is, or role assignments resolved through role definitions. */
    private static Fact<CallerPermissions> permissions(Map<Kind, List<JsonNode>> found, String miId) {
        List<JsonNode> direct = found.get(Kind.PERMISSION);
        if (direct != null) {
            return Fact.of(ArmResources.permissions(direct));
        }
        List<JsonNode> assignments = found.get(Kind.ROLE_ASSIGNMENT);
        if (assignments == null) {
            return Fact.unknown("not in the given files (add the output of '" + Kind.PERMISSION.command
                    + "', or of '" + Kind.ROLE_ASSIGNMENT.command + "')");
        }
        RoleDefinitions definitions = RoleDefinitions.builtIn()
                .with(found.getOrDefault(Kind.ROLE_DEFINITION, List.of()));
        List<Permission> entries = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (JsonNode a : assignments) {
            String scope = a.path("scope").asText("");
            if (!scope.isEmpty() && !RoleDefinitions.covers(scope, miId)) {
                continue;
            }
            String role = a.path("roleDefinitionName").asText("");
            List<Permission> resolved = definitions.find(role, a.path("roleDefinitionId").asText(""));
            if (resolved == null) {
                unresolved.add(role.isEmpty() ? a.path("roleDefinitionId").asText("?") : role);
            } else {
                entries.addAll(resolved);
            }
        }
        if (!unresolved.isEmpty()) {
            return Fact.unknown("the role assignments name roles whose permissions are not in the given files: "
                    + String.join(", ", unresolved) + " (add the output of '" + Kind.ROLE_DEFINITION.command
                    + "' for each)");
        }
        return Fact.of(new CallerPermissions(entries));
    }

    private static MilinkException invalid(String message) {
        return new MilinkException(AzureError.AZURE_FACTS_FILE_INVALID, "Invalid --mi-facts input: " + message + ".");
    }
}
