// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import static dev.milink.azure.internal.ArmResources.METRICS_API;
import static dev.milink.azure.internal.ArmResources.NETWORK_API;
import static dev.milink.azure.internal.ArmResources.PERMISSIONS_API;
import static dev.milink.azure.internal.ArmResources.SQL_API;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.azure.internal.ArmJson;
import dev.milink.azure.internal.ArmResources;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.CallerPermissions;
import dev.milink.core.model.ManagedInstanceFacts.DistributedAvailabilityGroup;
import dev.milink.core.model.ManagedInstanceFacts.EndpointCertificate;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.RouteTable;
import dev.milink.core.model.ManagedInstanceFacts.Subnet;
import dev.milink.core.model.ManagedInstanceFacts.TrustCertificate;
import dev.milink.core.model.ManagedInstanceFacts.VirtualNetwork;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads one managed instance through Azure Resource Manager into {@link ManagedInstanceFacts}: the instance, its
 * databases, server trust certificates, endpoint certificate, links (distributed availability groups), failover
 * groups, TDE protector, subnet with its NSG and route table, the subnet's virtual network (address space,
 * subnets, peerings: what the NSG's {@code VirtualNetwork} tag stands for), the caller's permissions on the instance, and the
 * storage in use (Azure Monitor's {@code storage_space_used_mb}; null in the instance when it cannot be read). All
 * reads run at once on virtual threads (bounded by the connection's {@code maxConcurrentRequests}); the subnet,
 * virtual network, NSG, route table and failover groups wait only for what they need.
 *
 * <p>A read that fails makes only its own part unknown, with a reason a user can act on: a 403 names the missing
 * RBAC action, a 404 says what does not exist, a 5xx or a 429 that persist after the pipeline's retries say so.
 *
 * <pre>{@code
 * ManagedInstanceFacts facts = new AzureCollector(arm, Clock.systemUTC()).collect(ManagedInstanceId.parse(id));
 * facts.networkSecurityGroup();   // Known(Optional.empty()) = no NSG on the subnet
 * }</pre>
 *
 * @since 0.2
 */
public final class AzureCollector {
    private static final System.Logger LOG = System.getLogger(AzureCollector.class.getName());
    /** Pages of a list followed before giving up (ARM pages by 100 to 1000 items). */
    private static final int MAX_PAGES = 50;

    private final ArmConnection arm;
    private final Clock clock;

    public AzureCollector(ArmConnection arm, Clock clock) {
        this.arm = Objects.requireNonNull(arm, "arm");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Parses {@code resourceId} ({@link ManagedInstanceId#parse}) and collects. */
    public ManagedInstanceFacts collect(String resourceId) {
        return collect(ManagedInstanceId.parse(resourceId));
    }

    public ManagedInstanceFacts collect(ManagedInstanceId id) {
        String mi = id.resourceId();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Fact<JsonNode>> instanceBody = threads.submit(() -> get(mi, SQL_API, "the managed instance"));
            Future<Fact<List<MiDatabase>>> databases = threads.submit(() -> list(mi + "/databases", SQL_API,
                    "the managed instance's databases", ArmResources::database));
            Future<Fact<List<TrustCertificate>>> trust = threads.submit(() -> list(mi + "/serverTrustCertificates",
                    SQL_API, "the server trust certificates", ArmResources::trustCertificate));
            Future<Fact<EndpointCertificate>> endpoint = threads.submit(() -> one(
                    mi + "/endpointCertificates/DATABASE_MIRRORING", SQL_API,
                    "the managed instance's DATABASE_MIRRORING endpoint certificate",
                    ArmResources::endpointCertificate));
            Future<Fact<List<DistributedAvailabilityGroup>>> links = threads.submit(() -> list(
                    mi + "/distributedAvailabilityGroups", SQL_API, "the links (distributed availability groups)",
                    ArmResources::link));
            Future<Fact<String>> protector = threads.submit(() -> one(mi + "/encryptionProtector/current", SQL_API,
                    "the TDE protector (encryption protector)", ArmResources::encryptionProtector));
            Future<Fact<CallerPermissions>> permissions = threads.submit(() -> list(
                    mi + "/providers/Microsoft.Authorization/permissions", PERMISSIONS_API,
                    "the caller's permissions on the managed instance", n -> n)
                    .map(ArmResources::permissions));
            Future<Integer> storageUsed = threads.submit(() -> storageUsedGb(mi));
            Future<Fact<List<String>>> failoverGroups = threads.submit(() -> failoverGroups(id,
                    await(instanceBody)));
            Future<Fact<Subnet>> subnet = threads.submit(() -> subnet(await(instanceBody)));
            Future<Fact<VirtualNetwork>> vnet = threads.submit(() -> virtualNetwork(await(instanceBody)));
            Future<Fact<Optional<NetworkSecurityGroup>>> nsg = threads.submit(() -> attached(await(subnet),
                    Subnet::nsgId, "network security group", ArmResources::networkSecurityGroup));
            Future<Fact<Optional<RouteTable>>> routes = threads.submit(() -> attached(await(subnet),
                    Subnet::routeTableId, "route table", ArmResources::routeTable));

            Integer usedGb = await(storageUsed);
            Fact<ManagedInstance> instance = mapped(await(instanceBody), "the managed instance",
                    ArmResources::managedInstance).map(m -> ArmResources.withStorageUsed(m, usedGb));
            return new ManagedInstanceFacts(mi, clock.instant(), instance, await(databases), await(trust),
                    await(endpoint), await(links), await(failoverGroups), await(protector), await(subnet), await(nsg),
                    await(routes), await(permissions), await(vnet));
        }
    }

    /** Storage in use from Azure Monitor (GB), or null when it cannot be read: the instance's other facts stand. */
    private Integer storageUsedGb(String mi) {
        ArmResponse r = arm.send("GET", mi + "/providers/Microsoft.Insights/metrics?metricnames=storage_space_used_mb"
                + "&aggregation=Average&interval=PT1H&api-version=" + METRICS_API, null);
        JsonNode body = r.isSuccess() ? ArmJson.parse(r.body()) : null;
        if (body == null) {
            LOG.log(Level.DEBUG, () -> "storage in use not read: " + r.describe());
            return null;
        }
        return ArmResources.storageUsedGb(body);
    }

    // ---- parts that depend on others ----

    private Fact<List<String>> failoverGroups(ManagedInstanceId id, Fact<JsonNode> instance) {
        if (!(instance instanceof Fact.Known<JsonNode> known)) {
            return Fact.unknown("the failover groups are listed per region, and the managed instance's region is "
                    + "not known: " + instance.reason());
        }
        String location = ArmResources.location(known.value());
        if (location == null || location.isBlank()) {
            return Fact.unknown("the managed instance's body names no location, so its failover groups cannot "
                    + "be listed");
        }
        String path = id.resourceGroupId() + "/providers/Microsoft.Sql/locations/" + location
                + "/instanceFailoverGroups";
        return list(path, SQL_API, "the instance failover groups in " + location, n -> n).map(groups -> {
            List<String> names = new ArrayList<>();
            for (JsonNode g : groups) {
                String name = ArmResources.failoverGroupOf(g, id.resourceId());
                if (name != null) {
                    names.add(name);
                }
            }
            return names;
        });
    }

    private Fact<Subnet> subnet(Fact<JsonNode> instance) {
        if (!(instance instanceof Fact.Known<JsonNode> known)) {
            return Fact.unknown("the subnet is named by the managed instance, which could not be read: "
                    + instance.reason());
        }
        String subnetId = ArmResources.managedInstance(known.value()).subnetId();
        if (subnetId == null || subnetId.isBlank()) {
            return Fact.unknown("the managed instance's body names no subnetId");
        }
        return one(subnetId, NETWORK_API, "the managed instance's subnet " + subnetId, ArmResources::subnet);
    }

    /** The subnet's virtual network, read beside the subnet: its id is the subnet's without the last two parts. */
    private Fact<VirtualNetwork> virtualNetwork(Fact<JsonNode> instance) {
        if (!(instance instanceof Fact.Known<JsonNode> known)) {
            return Fact.unknown("the virtual network is named by the managed instance's subnet id, and the managed "
                    + "instance could not be read: " + instance.reason());
        }
        String vnetId = ArmResources.virtualNetworkIdOf(ArmResources.managedInstance(known.value()).subnetId());
        if (vnetId == null) {
            return Fact.unknown("the managed instance's body names no subnetId of a virtual network");
        }
        return one(vnetId, NETWORK_API, "the virtual network " + vnetId, ArmResources::virtualNetwork);
    }

    /** The NSG or route table the subnet points at: Known empty when it points at none. */
    private <T> Fact<Optional<T>> attached(Fact<Subnet> subnet, Function<Subnet, String> idOf, String what,
                                           Function<JsonNode, T> mapper) {
        if (!(subnet instanceof Fact.Known<Subnet> known)) {
            return Fact.unknown("the " + what + " is attached to the subnet, which could not be read: "
                    + subnet.reason());
        }
        String resourceId = idOf.apply(known.value());
        if (resourceId == null || resourceId.isBlank()) {
            return Fact.of(Optional.empty());
        }
        return one(resourceId, NETWORK_API, "the subnet's " + what + " " + resourceId, mapper).map(Optional::of);
    }

    // ---- reads ----

    private Fact<JsonNode> get(String path, String apiVersion, String what) {
        ArmResponse r = arm.get(path, apiVersion);
        if (!r.isSuccess()) {
            return Fact.unknown(reason(r, what));
        }
        JsonNode body = ArmJson.parse(r.body());
        return body == null ? Fact.unknown("ARM answered " + what + " with a body that is not JSON") : Fact.of(body);
    }

    private <T> Fact<T> one(String path, String apiVersion, String what, Function<JsonNode, T> mapper) {
        return mapped(get(path, apiVersion, what), what, mapper);
    }

    private static <T> Fact<T> mapped(Fact<JsonNode> body, String what, Function<JsonNode, T> mapper) {
        if (!(body instanceof Fact.Known<JsonNode> known)) {
            return Fact.unknown(body.reason());
        }
        try {
            return Fact.ofNullable(mapper.apply(known.value()), "ARM's answer for " + what + " was empty");
        } catch (IllegalArgumentException e) {
            return Fact.unknown("ARM's answer for " + what + " has an unexpected shape: " + e.getMessage());
        }
    }

    /** A collection ({@code {"value":[…],"nextLink":…}}), every page. */
    private <T> Fact<List<T>> list(String path, String apiVersion, String what, Function<JsonNode, T> mapper) {
        List<T> items = new ArrayList<>();
        String next = path + "?api-version=" + apiVersion;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            ArmResponse r = arm.send("GET", next, null);
            if (!r.isSuccess()) {
                return Fact.unknown(reason(r, what));
            }
            JsonNode body = ArmJson.parse(r.body());
            if (body == null || !body.path("value").isArray()) {
                return Fact.unknown("ARM answered " + what + " with something that is not a list");
            }
            try {
                for (JsonNode item : body.path("value")) {
                    items.add(mapper.apply(item));
                }
            } catch (IllegalArgumentException e) {
                return Fact.unknown("ARM's answer for " + what + " has an unexpected shape: " + e.getMessage());
            }
            String link = body.path("nextLink").asText("");
            next = link.isEmpty() ? null : link;
        }
        return next == null ? Fact.of(items) : Fact.unknown(what + ": more than " + MAX_PAGES + " pages");
    }

    /** Why a read failed, in words a user can act on. */
    static String reason(ArmResponse r, String what) {
        String code = r.errorCode();
        return switch (r.status()) {
            case 0 -> "could not read " + what + ": " + r.transportError();
            case 401 -> "ARM did not accept the credential reading " + what + " (401 " + code + ")";
            case 403 -> {
                String action = r.deniedAction();
                yield action.isEmpty()
                        ? "permission denied reading " + what + " (403 " + code + "): " + r.errorMessage()
                        : "permission denied reading " + what + ": the caller lacks the action " + action
                                + " (403 " + code + ")";
            }
            case 404 -> what + " does not exist or is not visible (404 " + code + "): " + r.errorMessage();
            case 429 -> "ARM kept throttling the read of " + what + " after the retries (429 " + code + ")";
            default -> r.status() >= 500
                    ? "ARM kept failing the read of " + what + " after the retries (" + r.describe() + ")"
                    : "could not read " + what + " (" + r.describe() + ")";
        };
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the managed instance", e);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "reading the managed instance failed", e.getCause());
            throw new IllegalStateException("reading the managed instance failed: " + e.getCause(), e.getCause());
        }
    }
}
