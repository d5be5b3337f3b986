// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything milink read about one managed instance through Azure Resource Manager (or from saved {@code az}
 * output). Each part is a {@link Fact}: a 403 on one read makes that part unknown, naming the missing action, and
 * the other parts stay usable.
 *
 * @param resourceId           {@code /subscriptions/…/resourceGroups/…/providers/Microsoft.Sql/managedInstances/NAME}
 * @param collectedAt          when the reads finished
 * @param instance             the managed instance resource's properties
 * @param databases            databases on the MI (names in use)
 * @param trustCertificates    server trust certificates: the SQL Server endpoint certificates the MI trusts
 * @param endpointCertificate  the MI's own {@code DATABASE_MIRRORING} endpoint certificate
 * @param links                distributed availability groups (links) that exist on the MI
 * @param failoverGroups       names of instance failover groups the MI belongs to
 * @param encryptionProtector  the TDE protector ("ServiceManaged" or "AzureKeyVault")
 * @param subnet               the MI's subnet (prefixes, NSG and route table ids, delegations)
 * @param networkSecurityGroup the NSG attached to that subnet; a Known empty value means "no NSG attached"
 * @param routeTable           the route table on that subnet, for the network team
 * @param permissions          the caller's effective permissions on the MI's scope
 * @param virtualNetwork       the subnet's virtual network: its address space, subnets and peerings (what the
 *                             NSG's {@code VirtualNetwork} service tag stands for)
 * @since 0.2
 */
public record ManagedInstanceFacts(String resourceId, Instant collectedAt, Fact<ManagedInstance> instance,
                                   Fact<List<MiDatabase>> databases, Fact<List<TrustCertificate>> trustCertificates,
                                   Fact<EndpointCertificate> endpointCertificate,
                                   Fact<List<DistributedAvailabilityGroup>> links, Fact<List<String>> failoverGroups,
                                   Fact<String> encryptionProtector, Fact<Subnet> subnet,
                                   Fact<java.util.Optional<NetworkSecurityGroup>> networkSecurityGroup,
                                   Fact<java.util.Optional<RouteTable>> routeTable, Fact<CallerPermissions> permissions,
                                   Fact<VirtualNetwork> virtualNetwork) {

    public ManagedInstanceFacts {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(trustCertificates, "trustCertificates");
        Objects.requireNonNull(endpointCertificate, "endpointCertificate");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(failoverGroups, "failoverGroups");
        Objects.requireNonNull(encryptionProtector, "encryptionProtector");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(networkSecurityGroup, "networkSecurityGroup");
        Objects.requireNonNull(routeTable, "routeTable");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(virtualNetwork, "virtualNetwork");
    }

    /** Facts from a source that does not read the virtual network (hand-built facts, older saved output). */
    public ManagedInstanceFacts(String resourceId, Instant collectedAt, Fact<ManagedInstance> instance,
                                Fact<List<MiDatabase>> databases, Fact<List<TrustCertificate>> trustCertificates,
                                Fact<EndpointCertificate> endpointCertificate,
                                Fact<List<DistributedAvailabilityGroup>> links, Fact<List<String>> failoverGroups,
                                Fact<String> encryptionProtector, Fact<Subnet> subnet,
                                Fact<java.util.Optional<NetworkSecurityGroup>> networkSecurityGroup,
                                Fact<java.util.Optional<RouteTable>> routeTable, Fact<CallerPermissions> permissions) {
        this(resourceId, collectedAt, instance, databases, trustCertificates, endpointCertificate, links,
                failoverGroups, encryptionProtector, subnet, networkSecurityGroup, routeTable, permissions,
                Fact.unknown("the virtual network was not read"));
    }

    /** The last segment of the resource id: the MI's name. */
    public String name() {
        return resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }

    /**
     * The managed instance resource ({@code Microsoft.Sql/managedInstances}, api-version 2025-01-01).
     *
     * @param state                    e.g. "Ready", "Stopped", "Starting"
     * @param fullyQualifiedDomainName e.g. {@code mi1.abc123.database.windows.net}
     * @param subnetId                 the subnet's resource id
     * @param skuName                  e.g. GP_Gen5, BC_Gen5, GP_G8IM
     * @param skuTier                  GeneralPurpose, BusinessCritical
     * @param vCores                   vCores
     * @param storageSizeInGb          reserved storage
     * @param storageUsedGb            storage in use, when known (null otherwise)
     * @param collation                server collation
     * @param databaseFormat           the update policy: AlwaysUpToDate, SQLServer2022, SQLServer2025 (as Azure spells
     *                                 it; compare case-insensitively); null when the API did not say
     * @param generalPurposeV2         Next-gen General Purpose
     * @param zoneRedundant            zone redundancy
     * @param minimalTlsVersion        e.g. "1.2"
     * @param publicDataEndpointEnabled whether the public endpoint is on
     * @param location                 Azure region
     * @param licenseType              LicenseIncluded, BasePrice
     * @param hybridSecondaryUsage     Active or Passive, null when unset
     */
    public record ManagedInstance(String state, String fullyQualifiedDomainName, String subnetId, String skuName,
                                  String skuTier, int vCores, int storageSizeInGb, Integer storageUsedGb,
                                  String collation, String databaseFormat, boolean generalPurposeV2,
                                  boolean zoneRedundant, String minimalTlsVersion, boolean publicDataEndpointEnabled,
                                  String location, String licenseType, String hybridSecondaryUsage) {}

    /** A database on the managed instance. */
    public record MiDatabase(String name, String status) {}

    /**
     * A server trust certificate.
     *
     * @param name          the resource name
     * @param publicBlobHex the DER certificate in upper-case hex, without {@code 0x}
     * @param thumbprint    as Azure reports it, may be null
     */
    public record TrustCertificate(String name, String publicBlobHex, String thumbprint) {}

    /**
     * The MI's endpoint certificate.
     *
     * @param publicBlobHex the DER certificate in upper-case hex, without {@code 0x}
     * @param notAfter      expiry when it could be parsed, else null
     */
    public record EndpointCertificate(String name, String publicBlobHex, Instant notAfter) {}

    /**
     * A link (distributed availability group) on the MI.
     *
     * @param name                        the resource name
     * @param partnerAvailabilityGroupName the SQL Server side's AG
     * @param instanceAvailabilityGroupName the MI side's AG
     * @param partnerEndpoint             {@code TCP://host:5022}
     * @param instanceLinkRole            Primary or Secondary
     * @param replicationMode             Async or Sync
     * @param databases                   database names it carries
     */
    public record DistributedAvailabilityGroup(String name, String partnerAvailabilityGroupName,
                                               String instanceAvailabilityGroupName, String partnerEndpoint,
                                               String instanceLinkRole, String replicationMode,
                                               List<String> databases) {
        public DistributedAvailabilityGroup {
            databases = List.copyOf(databases);
        }
    }

    /**
     * The MI's subnet.
     *
     * @param addressPrefixes  CIDR prefixes ({@code addressPrefix} and {@code addressPrefixes} merged)
     * @param nsgId            attached NSG's id, null when none
     * @param routeTableId     attached route table's id, null when none
     * @param delegations      service names it is delegated to (an MI subnet: {@code Microsoft.Sql/managedInstances})
     */
    public record Subnet(String id, List<String> addressPrefixes, String nsgId, String routeTableId,
                         List<String> delegations) {
        public Subnet {
            addressPrefixes = List.copyOf(addressPrefixes);
            delegations = List.copyOf(delegations);
        }
    }

    /**
     * The virtual network of the MI's subnet ({@code Microsoft.Network/virtualNetworks}).
     *
     * @param addressPrefixes its address space ({@code addressSpace.addressPrefixes})
     * @param subnetNames     its subnets' names: a {@code GatewaySubnet} or {@code RouteServerSubnet} means routes
     *                        learned from elsewhere (on-premises) may belong to the network too
     * @param peerings        its peerings ({@code virtualNetworkPeerings})
     */
    public record VirtualNetwork(String id, List<String> addressPrefixes, List<String> subnetNames,
                                 List<Peering> peerings) {
        public VirtualNetwork {
            addressPrefixes = List.copyOf(addressPrefixes);
            subnetNames = List.copyOf(subnetNames);
            peerings = List.copyOf(peerings);
        }
    }

    /**
     * One peering of the virtual network.
     *
     * @param state                 {@code peeringState}: Connected, Initiated or Disconnected
     * @param remoteNetworkId       the peered network's id
     * @param remoteAddressPrefixes the address space peered ({@code remoteAddressSpace}, else the remote
     *                              network's current one)
     * @param useRemoteGateways     traffic uses the peered network's gateway (its on-premises routes come along)
     */
    public record Peering(String name, String state, String remoteNetworkId, List<String> remoteAddressPrefixes,
                          boolean useRemoteGateways) {
        public Peering {
            remoteAddressPrefixes = List.copyOf(remoteAddressPrefixes);
        }

        public boolean connected() {
            return "Connected".equalsIgnoreCase(state);
        }
    }

    /** A network security group: custom rules and the default ones. */
    public record NetworkSecurityGroup(String id, List<SecurityRule> securityRules,
                                       List<SecurityRule> defaultSecurityRules) {
        public NetworkSecurityGroup {
            securityRules = List.copyOf(securityRules);
            defaultSecurityRules = List.copyOf(defaultSecurityRules);
        }
    }

    /**
     * One NSG rule as ARM returns it ({@code addressPrefix} and {@code addressPrefixes} merged, likewise ports).
     *
     * @param direction            Inbound or Outbound
     * @param access               Allow or Deny
     * @param protocol             Tcp, Udp, Icmp, Esp, Ah or *
     * @param sourcePrefixes       CIDRs, addresses, service tags or *
     * @param sourcePorts          "*", "80", "1000-2000"
     * @param destinationPrefixes  as sourcePrefixes
     * @param destinationPorts     as sourcePorts
     * @param sourceAsgs           application security group ids (milink cannot resolve them)
     * @param destinationAsgs      likewise
     */
    public record SecurityRule(String name, int priority, String direction, String access, String protocol,
                               List<String> sourcePrefixes, List<String> sourcePorts,
                               List<String> destinationPrefixes, List<String> destinationPorts,
                               List<String> sourceAsgs, List<String> destinationAsgs) {
        public SecurityRule {
            sourcePrefixes = List.copyOf(sourcePrefixes);
            sourcePorts = List.copyOf(sourcePorts);
            destinationPrefixes = List.copyOf(destinationPrefixes);
            destinationPorts = List.copyOf(destinationPorts);
            sourceAsgs = List.copyOf(sourceAsgs);
            destinationAsgs = List.copyOf(destinationAsgs);
        }
    }

    /** A route table and its routes. */
    public record RouteTable(String id, List<Route> routes) {
        public RouteTable {
            routes = List.copyOf(routes);
        }
    }

    /** One route: {@code nextHopType} is VirtualAppliance, VnetLocal, Internet, VirtualNetworkGateway or None. */
    public record Route(String name, String addressPrefix, String nextHopType, String nextHopIpAddress) {}

    /** The caller's permissions on a scope: one entry per role assignment that applies. */
    public record CallerPermissions(List<Permission> entries) {
        public CallerPermissions {
            entries = List.copyOf(entries);
        }
    }

    /** Allowed actions minus notActions (wildcards allowed: {@code *}, {@code Microsoft.Sql/*}, {@code .../read}). */
    public record Permission(List<String> actions, List<String> notActions) {
        public Permission {
            actions = List.copyOf(actions);
            notActions = List.copyOf(notActions);
        }
    }
}
