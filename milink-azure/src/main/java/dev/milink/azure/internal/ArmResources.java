// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.core.model.ManagedInstanceFacts.CallerPermissions;
import dev.milink.core.model.ManagedInstanceFacts.DistributedAvailabilityGroup;
import dev.milink.core.model.ManagedInstanceFacts.EndpointCertificate;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.Peering;
import dev.milink.core.model.ManagedInstanceFacts.VirtualNetwork;
import dev.milink.core.model.ManagedInstanceFacts.Permission;
import dev.milink.core.model.ManagedInstanceFacts.Route;
import dev.milink.core.model.ManagedInstanceFacts.RouteTable;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import dev.milink.core.model.ManagedInstanceFacts.Subnet;
import dev.milink.core.model.ManagedInstanceFacts.TrustCertificate;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * ARM resources as milink reads them: a small wire record per resource type with exactly the fields milink uses
 * (REST's nested {@code properties} and az's flattened output alike, see {@link ArmJson#flatten}), and the
 * mapping to {@code core.model}. Api-versions: Microsoft.Sql 2025-01-01, Microsoft.Network 2024-05-01,
 * Microsoft.Authorization permissions 2022-04-01.
 */
public final class ArmResources {
    public static final String SQL_API = "2025-01-01";
    public static final String NETWORK_API = "2024-05-01";
    public static final String PERMISSIONS_API = "2022-04-01";
    /** Azure Monitor metrics (storage in use). */
    public static final String METRICS_API = "2023-10-01";

    private ArmResources() {}

    // ---- wire records: exactly the fields read ----

    record Sku(String name, String tier) {}

    record ManagedInstanceWire(String id, String name, String location, Sku sku, String state,
                               String fullyQualifiedDomainName, String subnetId,
                               @JsonProperty("vCores") Integer vCores,
                               @JsonProperty("storageSizeInGB") @JsonAlias("storageSizeInGb") Integer storageSizeInGb,
                               String collation, String databaseFormat, Boolean isGeneralPurposeV2,
                               Boolean zoneRedundant, String minimalTlsVersion, Boolean publicDataEndpointEnabled,
                               String licenseType, String hybridSecondaryUsage) {}

    record DatabaseWire(String name, String status) {}

    record TrustCertificateWire(String name, String certificateName, String publicBlob, String thumbprint) {}

    record EndpointCertificateWire(String name, String publicBlob) {}

    record DagDatabaseWire(String databaseName) {}

    record DagWire(String name, String distributedAvailabilityGroupName,
                   @JsonAlias("primaryAvailabilityGroupName") String partnerAvailabilityGroupName,
                   @JsonAlias("secondaryAvailabilityGroupName") String instanceAvailabilityGroupName,
                   @JsonAlias("sourceEndpoint") String partnerEndpoint, String instanceLinkRole,
                   String replicationMode, List<DagDatabaseWire> databases, String targetDatabase) {}

    record InstancePairWire(String primaryManagedInstanceId, String partnerManagedInstanceId) {}

    record FailoverGroupWire(String name, List<InstancePairWire> managedInstancePairs) {}

    record EncryptionProtectorWire(String serverKeyType) {}

    record IdRef(String id) {}

    record DelegationWire(String serviceName) {}

    record SubnetWire(String id, String addressPrefix, List<String> addressPrefixes, IdRef networkSecurityGroup,
                      IdRef routeTable, List<DelegationWire> delegations) {}

    record RuleWire(String name, Integer priority, String direction, String access, String protocol,
                    String sourceAddressPrefix, List<String> sourceAddressPrefixes, String sourcePortRange,
                    List<String> sourcePortRanges, String destinationAddressPrefix,
                    List<String> destinationAddressPrefixes, String destinationPortRange,
                    List<String> destinationPortRanges, List<IdRef> sourceApplicationSecurityGroups,
                    List<IdRef> destinationApplicationSecurityGroups) {}

    record AddressSpaceWire(List<String> addressPrefixes) {}

    record NameWire(String name) {}

    record PeeringWire(String name, String peeringState, IdRef remoteVirtualNetwork,
                       AddressSpaceWire remoteAddressSpace, AddressSpaceWire remoteVirtualNetworkAddressSpace,
                       Boolean useRemoteGateways) {}

    record VnetWire(String id, AddressSpaceWire addressSpace, List<NameWire> subnets,
                    List<PeeringWire> virtualNetworkPeerings) {}

    record NsgWire(String id, List<RuleWire> securityRules, List<RuleWire> defaultSecurityRules) {}

    record RouteWire(String name, String addressPrefix, String nextHopType, String nextHopIpAddress) {}

    record RouteTableWire(String id, List<RouteWire> routes) {}

    record PermissionWire(List<String> actions, List<String> notActions) {}

    // ---- mapping ----

    public static ManagedInstance managedInstance(JsonNode node) {
        ManagedInstanceWire w = ArmJson.read(node, ManagedInstanceWire.class);
        return new ManagedInstance(w.state(), w.fullyQualifiedDomainName(), w.subnetId(),
                w.sku() == null ? null : w.sku().name(), w.sku() == null ? null : w.sku().tier(), intOf(w.vCores()),
                intOf(w.storageSizeInGb()), null, w.collation(), w.databaseFormat(), bool(w.isGeneralPurposeV2()),
                bool(w.zoneRedundant()), w.minimalTlsVersion(), bool(w.publicDataEndpointEnabled()), w.location(),
                w.licenseType(), w.hybridSecondaryUsage());
    }

    /** The same instance with the storage in use (from Azure Monitor), when known. */
    public static ManagedInstance withStorageUsed(ManagedInstance m, Integer usedGb) {
        return usedGb == null ? m : new ManagedInstance(m.state(), m.fullyQualifiedDomainName(), m.subnetId(),
                m.skuName(), m.skuTier(), m.vCores(), m.storageSizeInGb(), usedGb, m.collation(), m.databaseFormat(),
                m.generalPurposeV2(), m.zoneRedundant(), m.minimalTlsVersion(), m.publicDataEndpointEnabled(),
                m.location(), m.licenseType(), m.hybridSecondaryUsage());
    }

    /**
     * The latest {@code storage_space_used_mb} average of an Azure Monitor metrics answer, in GB rounded up, or
     * null when it has no data point.
     */
    public static Integer storageUsedGb(JsonNode metrics) {
        Double latest = null;
        for (JsonNode metric : metrics.path("value")) {
            if (!"storage_space_used_mb".equalsIgnoreCase(metric.path("name").path("value").asText(""))) {
                continue;
            }
            for (JsonNode series : metric.path("timeseries")) {
                for (JsonNode point : series.path("data")) {
                    if (point.path("average").isNumber()) {
                        latest = point.path("average").asDouble();
                    }
                }
            }
        }
        return latest == null ? null : (int) Math.ceil(latest / 1024.0);
    }

    /** The {@code location} of a managed instance body (instance failover groups live under it). */
    public static String location(JsonNode node) {
        return ArmJson.read(node, ManagedInstanceWire.class).location();
    }

    public static MiDatabase database(JsonNode node) {
        DatabaseWire w = ArmJson.read(node, DatabaseWire.class);
        return new MiDatabase(w.name(), w.status());
    }

    public static TrustCertificate trustCertificate(JsonNode node) {
        TrustCertificateWire w = ArmJson.read(node, TrustCertificateWire.class);
        String name = w.certificateName() != null ? w.certificateName() : w.name();
        return new TrustCertificate(name, hex(w.publicBlob()), w.thumbprint());
    }

    public static EndpointCertificate endpointCertificate(JsonNode node) {
        EndpointCertificateWire w = ArmJson.read(node, EndpointCertificateWire.class);
        String blob = hex(w.publicBlob());
        return new EndpointCertificate(w.name(), blob, notAfter(blob));
    }

    public static DistributedAvailabilityGroup link(JsonNode node) {
        DagWire w = ArmJson.read(node, DagWire.class);
        List<String> dbs = new ArrayList<>();
        for (DagDatabaseWire d : list(w.databases())) {
            if (d != null && d.databaseName() != null) {
                dbs.add(d.databaseName());
            }
        }
        if (dbs.isEmpty() && w.targetDatabase() != null) {
            dbs.add(w.targetDatabase());
        }
        String name = w.name() != null ? w.name() : w.distributedAvailabilityGroupName();
        return new DistributedAvailabilityGroup(name, w.partnerAvailabilityGroupName(),
                w.instanceAvailabilityGroupName(), w.partnerEndpoint(), w.instanceLinkRole(), w.replicationMode(),
                dbs);
    }

    /** The failover group's name when {@code managedInstanceId} is one of its pairs' members, else null. */
    public static String failoverGroupOf(JsonNode node, String managedInstanceId) {
        FailoverGroupWire w = ArmJson.read(node, FailoverGroupWire.class);
        for (InstancePairWire p : list(w.managedInstancePairs())) {
            if (managedInstanceId.equalsIgnoreCase(p.primaryManagedInstanceId())
                    || managedInstanceId.equalsIgnoreCase(p.partnerManagedInstanceId())) {
                return w.name();
            }
        }
        return null;
    }

    public static String encryptionProtector(JsonNode node) {
        return ArmJson.read(node, EncryptionProtectorWire.class).serverKeyType();
    }

    public static Subnet subnet(JsonNode node) {
        SubnetWire w = ArmJson.read(node, SubnetWire.class);
        List<String> prefixes = merge(w.addressPrefix(), w.addressPrefixes());
        List<String> delegations = new ArrayList<>();
        for (DelegationWire d : list(w.delegations())) {
            if (d != null && d.serviceName() != null) {
                delegations.add(d.serviceName());
            }
        }
        return new Subnet(w.id(), prefixes, idOf(w.networkSecurityGroup()), idOf(w.routeTable()), delegations);
    }

    /** A virtual network (ARM's REST body or {@code az network vnet show}). */
    public static VirtualNetwork virtualNetwork(JsonNode node) {
        VnetWire w = ArmJson.read(node, VnetWire.class);
        List<String> subnets = new ArrayList<>();
        for (NameWire n : list(w.subnets())) {
            if (n != null && n.name() != null) {
                subnets.add(n.name());
            }
        }
        List<Peering> peerings = new ArrayList<>();
        for (PeeringWire p : list(w.virtualNetworkPeerings())) {
            AddressSpaceWire space = p.remoteAddressSpace() != null ? p.remoteAddressSpace()
                    : p.remoteVirtualNetworkAddressSpace();
            peerings.add(new Peering(p.name(), p.peeringState(), idOf(p.remoteVirtualNetwork()),
                    space == null ? List.of() : list(space.addressPrefixes()), bool(p.useRemoteGateways())));
        }
        return new VirtualNetwork(w.id(), w.addressSpace() == null ? List.of() : list(w.addressSpace()
                .addressPrefixes()), subnets, peerings);
    }

    /** The virtual network's id from a subnet's: {@code …/virtualNetworks/NAME/subnets/SUBNET} → {@code …/NAME}. */
    public static String virtualNetworkIdOf(String subnetId) {
        int i = subnetId == null ? -1 : subnetId.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/subnets/");
        return i < 0 ? null : subnetId.substring(0, i);
    }

    public static NetworkSecurityGroup networkSecurityGroup(JsonNode node) {
        NsgWire w = ArmJson.read(node, NsgWire.class);
        return new NetworkSecurityGroup(w.id(), rules(w.securityRules()), rules(w.defaultSecurityRules()));
    }

    public static RouteTable routeTable(JsonNode node) {
        RouteTableWire w = ArmJson.read(node, RouteTableWire.class);
        List<Route> routes = new ArrayList<>();
        for (RouteWire r : list(w.routes())) {
            routes.add(new Route(r.name(), r.addressPrefix(), r.nextHopType(), r.nextHopIpAddress()));
        }
        return new RouteTable(w.id(), routes);
    }

    public static Permission permission(JsonNode node) {
        PermissionWire w = ArmJson.read(node, PermissionWire.class);
        return new Permission(list(w.actions()), list(w.notActions()));
    }

    public static CallerPermissions permissions(List<JsonNode> entries) {
        return new CallerPermissions(entries.stream().map(ArmResources::permission).toList());
    }

    /** Upper-case hex without {@code 0x} or whitespace; null stays null. */
    public static String hex(String blob) {
        if (blob == null) {
            return null;
        }
        String h = blob.strip();
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        }
        return h.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** The expiry of a DER certificate in hex, or null when it does not parse. */
    public static Instant notAfter(String hex) {
        if (hex == null || hex.isEmpty()) {
            return null;
        }
        try {
            byte[] der = HexFormat.of().parseHex(hex);
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return c.getNotAfter().toInstant();
        } catch (CertificateException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<SecurityRule> rules(List<RuleWire> wires) {
        List<SecurityRule> out = new ArrayList<>();
        for (RuleWire r : list(wires)) {
            out.add(new SecurityRule(r.name(), intOf(r.priority()), r.direction(), r.access(), r.protocol(),
                    merge(r.sourceAddressPrefix(), r.sourceAddressPrefixes()),
                    merge(r.sourcePortRange(), r.sourcePortRanges()),
                    merge(r.destinationAddressPrefix(), r.destinationAddressPrefixes()),
                    merge(r.destinationPortRange(), r.destinationPortRanges()),
                    ids(r.sourceApplicationSecurityGroups()), ids(r.destinationApplicationSecurityGroups())));
        }
        return out;
    }

    /** ARM's single-or-list pairs ({@code addressPrefix} + {@code addressPrefixes}) as one list. */
    private static List<String> merge(String one, List<String> many) {
        List<String> out = new ArrayList<>();
        if (one != null && !one.isEmpty()) {
            out.add(one);
        }
        for (String s : list(many)) {
            if (s != null && !s.isEmpty() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> ids(List<IdRef> refs) {
        return list(refs).stream().filter(Objects::nonNull).map(IdRef::id).filter(Objects::nonNull).toList();
    }

    private static String idOf(IdRef ref) {
        return ref == null ? null : ref.id();
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    private static int intOf(Integer i) {
        return i == null ? 0 : i;
    }

    private static boolean bool(Boolean b) {
        return b != null && b;
    }
}
