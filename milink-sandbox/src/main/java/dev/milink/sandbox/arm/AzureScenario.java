// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Azure side of a sandbox estate, as an Azure scenario YAML file describes it (format: {@code docs/sandbox.md},
 * section "ARM stand-in"): one managed instance, its databases, certificates and links, the virtual network,
 * NSG and route table around it, the caller's permissions, and the SQL Server scenario at the other end.
 *
 * <p>A plain document model like {@link Scenario}: {@link AzureScenarios} parses it, {@link ArmStandIn#start}
 * turns it into the stand-in's resource state, which requests then change.
 *
 * <pre>{@code
 * AzureScenario s = AzureScenarios.load("prepared-2022");
 * try (ArmStandIn arm = ArmStandIn.start(s)) {
 *     String mi = arm.managedInstanceId();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AzureScenario {
    public String name;
    public String description;
    /** Name of a shipped Azure scenario this one starts from; maps merge key by key, lists replace. */
    public String base;
    /**
     * The SQL Server end: the name of a shipped SQL scenario ({@code prepared-2022}), or a mapping in the SQL
     * scenario format (inline). Null = an Azure-only estate.
     */
    public JsonNode sqlServer;
    public String tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public String subscriptionId = "00000000-1111-2222-3333-444444444444";
    public String resourceGroup = "rg-data";
    public String location = "westeurope";
    /** The service principal the token endpoint knows; its secret is a sandbox value, not a secret. */
    public Caller caller = new Caller();
    /** How Azure sees the SQL Server end: its host name in the link's partner endpoint and its addresses. */
    public Link link = new Link();
    public ManagedInstance managedInstance = new ManagedInstance();
    /**
     * More managed instances in the same resource group, read-only neighbours of {@link #managedInstance} (a
     * fleet whose inventory rows name different instances). The scenario's link, metrics and faults concern the
     * first one only.
     */
    public List<ManagedInstance> otherManagedInstances = new ArrayList<>();
    public List<VirtualNetwork> virtualNetworks = new ArrayList<>();
    public List<NetworkSecurityGroup> networkSecurityGroups = new ArrayList<>();
    public List<RouteTable> routeTables = new ArrayList<>();
    /** The caller's effective permissions on every scope (what the permissions API lists and what is enforced). */
    public List<Permission> permissions = new ArrayList<>(List.of(Permission.all()));
    /** Check every request against {@link #permissions} and answer 403 AuthorizationFailed when not allowed. */
    public boolean enforcePermissions = true;
    public Lro lro = new Lro();
    public List<FaultSpec> faults = new ArrayList<>();

    /** The SQL Server scenario at the other end, already resolved by {@link AzureScenarios}; null when none. */
    @JsonIgnore
    public Scenario sqlScenario;

    @Override
    public String toString() {
        return "AzureScenario[" + name + ", " + managedInstance.name + "]";
    }

    /** The service principal the stand-in's token endpoint accepts. */
    public static final class Caller {
        public String clientId = "11111111-2222-3333-4444-555555555555";
        public String clientSecret = "sandbox-client-secret";
        public String objectId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    }

    /** The SQL Server end as Azure sees it. */
    public static final class Link {
        /** Host name in {@code TCP://host:5022}; null = the SQL scenario's machine name. */
        public String sqlServerHost;
        /** Addresses the SQL Server's traffic comes from (for NSG rules), e.g. {@code 10.20.0.4}. */
        public List<String> sqlServerAddresses = new ArrayList<>();
        public int sqlServerEndpointPort = 5022;
    }

    /** The managed instance and what lives under it. */
    public static final class ManagedInstance {
        public String name = "contoso-mi";
        /** The DNS zone part of the FQDN: {@code <name>.<dnsZone>.database.windows.net}. */
        public String dnsZone = "abc123";
        /** Ready, Creating, Updating, Stopped, … */
        public String state = "Ready";
        public String provisioningState = "Succeeded";
        public Sku sku = new Sku();
        public int vCores = 8;
        public int storageSizeInGB = 256;
        /** Storage in use, served as the Azure Monitor metric {@code storage_space_used_mb}; null = no data. */
        public Integer storageUsedGB = 64;
        public String collation = "SQL_Latin1_General_CP1_CI_AS";
        public String licenseType = "LicenseIncluded";
        /** Active, or Passive (a license-free DR replica); null = not set. */
        public String hybridSecondaryUsage = "Active";
        /** Update policy: AlwaysUpToDate, SQLServer2022 or SQLServer2025. */
        public String databaseFormat = "SQLServer2022";
        public boolean isGeneralPurposeV2;
        public boolean zoneRedundant;
        public String minimalTlsVersion = "1.2";
        public boolean publicDataEndpointEnabled;
        public String administratorLogin = "miadmin";
        public String timezoneId = "UTC";
        /** The subnet the instance lives in, by virtual network and subnet name. */
        public SubnetRef subnet = new SubnetRef();
        /** {@code properties.administrators}, as ARM returns it; null = none. */
        public Map<String, Object> administrators;
        /** Further {@code properties} entries, copied as they are. */
        public Map<String, Object> properties = new LinkedHashMap<>();
        public List<ManagedDatabase> databases = new ArrayList<>();
        public List<TrustCertificate> serverTrustCertificates = new ArrayList<>();
        /** The TDE protector ({@code encryptionProtector/current}). */
        public EncryptionProtector encryptionProtector = new EncryptionProtector();
        /** The DATABASE_MIRRORING endpoint certificate's public key (hex); null = none. */
        public CertificateSource endpointCertificate;
        public List<DistributedAvailabilityGroup> distributedAvailabilityGroups = new ArrayList<>();
        public List<FailoverGroup> failoverGroups = new ArrayList<>();

        @JsonIgnore
        public String fullyQualifiedDomainName() {
            return name + "." + dnsZone + ".database.windows.net";
        }
    }

    /** The TDE protector: a service-managed key, or a customer-managed key in Azure Key Vault. */
    public static final class EncryptionProtector {
        /** ServiceManaged or AzureKeyVault. */
        public String serverKeyType = "ServiceManaged";
        /** AzureKeyVault only: the key's URI, e.g. {@code https://kv.vault.azure.net/keys/tde/0123…}. */
        public String uri;
        public boolean autoRotationEnabled;
    }

    /** {@code sku} of the instance. */
    public static final class Sku {
        public String name = "GP_Gen5";
        public String tier = "GeneralPurpose";
        public String family = "Gen5";
        /** vCores; 0 = the instance's vCores. */
        public int capacity;
    }

    public static final class SubnetRef {
        public String virtualNetwork = "vnet-mi";
        public String name = "snet-mi";
    }

    public static final class ManagedDatabase {
        public String name;
        /** Online, Restoring, Inaccessible, … */
        public String status = "Online";
        public String collation;
        public String creationDate = "2024-06-15T10:00:00Z";
    }

    /** A public key, literal ({@code publicBlob}) or taken from a certificate of the SQL scenario's master. */
    public static class CertificateSource {
        /** Hex of the DER certificate, with or without 0x. */
        public String publicBlob;
        /** Name of a certificate in the SQL scenario's master database whose blob to use. */
        public String sqlCertificate;
    }

    /** A server trust certificate (SQL Server's endpoint public key uploaded to the MI). */
    public static final class TrustCertificate extends CertificateSource {
        public String name;
    }

    /** An existing link (distributed availability group). */
    public static final class DistributedAvailabilityGroup {
        public String name;
        public String partnerAvailabilityGroupName;
        /** Default: {@code TCP://<link.sqlServerHost>:<port>}. */
        public String partnerEndpoint;
        public String instanceAvailabilityGroupName;
        public String instanceLinkRole = "Secondary";
        public String replicationMode = "Async";
        public String failoverMode = "None";
        public String seedingMode = "Automatic";
        public List<String> databases = new ArrayList<>();
        /** Per database: replicaState, synchronizationHealth, … overriding the healthy defaults. */
        public Map<String, Object> databaseState = new LinkedHashMap<>();
    }

    /** An instance failover group the MI belongs to (listed under its location). */
    public static final class FailoverGroup {
        public String name;
        public String replicationRole = "Primary";
        public String partnerManagedInstanceId;
        public String partnerLocation = "northeurope";
    }

    public static final class VirtualNetwork {
        public String name;
        public List<String> addressPrefixes = new ArrayList<>();
        public List<Subnet> subnets = new ArrayList<>();
        /** Peerings to other virtual networks (their address spaces are in the NSG tag VirtualNetwork). */
        public List<Peering> peerings = new ArrayList<>();
    }

    public static final class Peering {
        public String name;
        /** The peered network: a name in the same resource group, or a full resource id. */
        public String remoteVirtualNetwork;
        public List<String> remoteAddressPrefixes = new ArrayList<>();
        /** Connected, Initiated or Disconnected. */
        public String peeringState = "Connected";
        public boolean useRemoteGateways;
        public boolean allowGatewayTransit;
    }

    public static final class Subnet {
        public String name;
        public String addressPrefix;
        public List<String> addressPrefixes = new ArrayList<>();
        /** NSG name in the same resource group; null = none. */
        public String networkSecurityGroup;
        /** Route table name in the same resource group; null = none. */
        public String routeTable;
        /** Delegated services, e.g. {@code Microsoft.Sql/managedInstances}. */
        public List<String> delegations = new ArrayList<>();
    }

    public static final class NetworkSecurityGroup {
        public String name;
        public List<SecurityRule> securityRules = new ArrayList<>();
        /** Azure's six default rules are added unless this is false. */
        public boolean defaultRules = true;
    }

    /** A security rule with ARM's property names; single values and lists as ARM has them. */
    public static final class SecurityRule {
        public String name;
        public String description;
        public int priority;
        /** Inbound or Outbound. */
        public String direction = "Inbound";
        /** Allow or Deny. */
        public String access = "Allow";
        /** Tcp, Udp, Icmp, Esp, Ah or *. */
        public String protocol = "Tcp";
        public String sourceAddressPrefix;
        public List<String> sourceAddressPrefixes = new ArrayList<>();
        public String sourcePortRange = "*";
        public List<String> sourcePortRanges = new ArrayList<>();
        public String destinationAddressPrefix;
        public List<String> destinationAddressPrefixes = new ArrayList<>();
        public String destinationPortRange;
        public List<String> destinationPortRanges = new ArrayList<>();
        /** Application security group names (same resource group). */
        public List<String> sourceApplicationSecurityGroups = new ArrayList<>();
        public List<String> destinationApplicationSecurityGroups = new ArrayList<>();
    }

    public static final class RouteTable {
        public String name;
        public boolean disableBgpRoutePropagation;
        public List<Route> routes = new ArrayList<>();
    }

    public static final class Route {
        public String name;
        public String addressPrefix;
        /** VirtualNetworkGateway, VnetLocal, Internet, VirtualAppliance, None. */
        public String nextHopType;
        public String nextHopIpAddress;
    }

    /** One entry of the permissions API: what the caller may do. */
    public static final class Permission {
        public List<String> actions = new ArrayList<>();
        public List<String> notActions = new ArrayList<>();
        public List<String> dataActions = new ArrayList<>();
        public List<String> notDataActions = new ArrayList<>();

        /** Owner-like: {@code actions: ['*']}. */
        public static Permission all() {
            Permission p = new Permission();
            p.actions.add("*");
            return p;
        }
    }

    /** Long-running operations: how they answer. */
    public static final class Lro {
        /** The Retry-After header on 201/202 and on InProgress polls, in seconds (azure-core waits 30 s on 0). */
        public int retryAfterSeconds = 1;
        /** Polls answered InProgress before an operation reports Succeeded. */
        public int inProgressPolls = 1;
    }

    /** A fault in YAML; see {@link ArmFault} for the kinds. */
    public static final class FaultSpec {
        /** throttle, serverError, forbidden, notFound, parentNotFound, conflict, asyncFailure. */
        public String kind;
        /** HTTP method to match, or null/{@code *} for any. */
        public String method;
        /** Regular expression found in the request path (case-insensitive). */
        public String path;
        /** How many matching requests it hits; 0 = every one. */
        public int times;
        /** throttle: Retry-After seconds. */
        public int retryAfterSeconds = 1;
        /** serverError: 500, 502, 503 or 504. */
        public int status;
        /** forbidden: the action named in the message. */
        public String action;
        /** Error code and message overriding the kind's. */
        public String code;
        public String message;
    }
}
