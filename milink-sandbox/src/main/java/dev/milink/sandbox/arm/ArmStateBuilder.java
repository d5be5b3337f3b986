// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.SecurityViews;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import java.util.Map;
import java.util.function.Consumer;

/** Turns an {@link AzureScenario} into the stand-in's initial {@link ArmState}. */
final class ArmStateBuilder {
    private final AzureScenario s;
    private final ArmState state;
    private final String rgId;
    /** The instance being built: the scenario's own, then each of {@code otherManagedInstances}. */
    private String miId;

    private ArmStateBuilder(AzureScenario s, ArmState state) {
        this.s = s;
        this.state = state;
        this.rgId = "/subscriptions/" + s.subscriptionId + "/resourceGroups/" + s.resourceGroup;
        this.miId = rgId + "/providers/" + ArmBodies.SQL + "/" + s.managedInstance.name;
    }

    static void build(AzureScenario s, ArmState state) {
        new ArmStateBuilder(s, state).build();
    }

    private void build() {
        String primary = miId;
        for (AzureScenario.ManagedInstance other : s.otherManagedInstances) {
            miId = rgId + "/providers/" + ArmBodies.SQL + "/" + other.name;
            managedInstance(other);
        }
        miId = primary;
        managedInstance(s.managedInstance);
        for (AzureScenario.VirtualNetwork v : s.virtualNetworks) {
            virtualNetwork(v);
        }
        for (AzureScenario.NetworkSecurityGroup g : s.networkSecurityGroups) {
            nsg(g);
        }
        for (AzureScenario.RouteTable t : s.routeTables) {
            routeTable(t);
        }
        state.setPermissions(s.permissions);
    }

    private void managedInstance(AzureScenario.ManagedInstance m) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        ObjectNode sku = n.putObject("sku");
        sku.put("name", m.sku.name);
        sku.put("tier", m.sku.tier);
        sku.put("family", m.sku.family);
        sku.put("capacity", m.sku.capacity == 0 ? m.vCores : m.sku.capacity);
        n.put("location", s.location);
        n.putObject("tags");
        ObjectNode p = n.putObject("properties");
        p.put("provisioningState", m.provisioningState);
        p.put("fullyQualifiedDomainName", m.fullyQualifiedDomainName());
        p.put("administratorLogin", m.administratorLogin);
        p.put("subnetId", rgId + "/providers/" + ArmBodies.VNET + "/" + m.subnet.virtualNetwork + "/subnets/"
                + m.subnet.name);
        p.put("state", m.state);
        p.put("licenseType", m.licenseType);
        if (m.hybridSecondaryUsage != null) {
            p.put("hybridSecondaryUsage", m.hybridSecondaryUsage);
        }
        p.put("vCores", m.vCores);
        p.put("storageSizeInGB", m.storageSizeInGB);
        p.put("collation", m.collation);
        p.put("dnsZone", m.dnsZone);
        p.put("publicDataEndpointEnabled", m.publicDataEndpointEnabled);
        p.put("proxyOverride", "Redirect");
        p.put("timezoneId", m.timezoneId);
        p.put("maintenanceConfigurationId", "/subscriptions/" + s.subscriptionId
                + "/providers/Microsoft.Maintenance/publicMaintenanceConfigurations/SQL_Default");
        p.put("minimalTlsVersion", m.minimalTlsVersion);
        p.put("currentBackupStorageRedundancy", "Geo");
        p.put("requestedBackupStorageRedundancy", "Geo");
        p.put("zoneRedundant", m.zoneRedundant);
        p.putArray("privateEndpointConnections");
        if (m.administrators != null) {
            p.set("administrators", ArmState.JSON.valueToTree(m.administrators));
        }
        p.put("databaseFormat", m.databaseFormat);
        p.put("isGeneralPurposeV2", m.isGeneralPurposeV2);
        p.put("pricingModel", "Regular");
        for (Map.Entry<String, Object> e : m.properties.entrySet()) {
            p.set(e.getKey(), ArmState.JSON.valueToTree(e.getValue()));
        }
        n.put("id", miId);
        n.put("name", m.name);
        n.put("type", ArmBodies.SQL);
        state.put(miId, n);

        for (AzureScenario.ManagedDatabase d : m.databases) {
            ObjectNode db = ArmBodies.resource(miId + "/databases/" + d.name, d.name, ArmBodies.SQL + "/databases");
            db.put("location", s.location);
            ObjectNode dp = db.putObject("properties");
            dp.put("collation", d.collation == null ? m.collation : d.collation);
            dp.put("status", d.status);
            dp.put("creationDate", d.creationDate);
            dp.put("defaultSecondaryLocation", "northeurope");
            state.put(miId + "/databases/" + d.name, db);
        }
        for (AzureScenario.TrustCertificate t : m.serverTrustCertificates) {
            state.put(miId + "/serverTrustCertificates/" + t.name,
                    ArmBodies.trustCertificate(miId, t.name, blob(t, "serverTrustCertificates " + t.name)));
        }
        state.put(miId + "/encryptionProtector/current", encryptionProtector(m.encryptionProtector));
        if (m.endpointCertificate != null) {
            state.put(miId + "/endpointCertificates/DATABASE_MIRRORING", ArmBodies.endpointCertificate(miId,
                    "DATABASE_MIRRORING", blob(m.endpointCertificate, "endpointCertificate")));
        }
        for (AzureScenario.DistributedAvailabilityGroup g : m.distributedAvailabilityGroups) {
            dag(g);
        }
        for (AzureScenario.FailoverGroup f : m.failoverGroups) {
            failoverGroup(f);
        }
    }

    private ObjectNode encryptionProtector(AzureScenario.EncryptionProtector e) {
        ObjectNode n = ArmBodies.resource(miId + "/encryptionProtector/current", "current",
                ArmBodies.SQL + "/encryptionProtector");
        boolean akv = "AzureKeyVault".equalsIgnoreCase(e.serverKeyType);
        n.put("kind", akv ? "azurekeyvault" : "servicemanaged");
        ObjectNode p = n.putObject("properties");
        if (akv) {
            String uri = e.uri == null ? "https://contoso-kv.vault.azure.net/keys/tde/0123456789abcdef" : e.uri;
            String[] parts = uri.replaceFirst("^https://", "").split("/");
            p.put("serverKeyName", parts[0].split("\\.")[0] + "_" + parts[parts.length - 2] + "_"
                    + parts[parts.length - 1]);
            p.put("serverKeyType", "AzureKeyVault");
            p.put("uri", uri);
            p.put("thumbprint", Values.hexUpper(Values.sha1(uri)));
        } else {
            p.put("serverKeyName", "ServiceManaged");
            p.put("serverKeyType", "ServiceManaged");
        }
        p.put("autoRotationEnabled", e.autoRotationEnabled);
        return n;
    }

    private void dag(AzureScenario.DistributedAvailabilityGroup g) {
        ObjectNode req = ArmState.JSON.createObjectNode();
        req.put("partnerAvailabilityGroupName", g.partnerAvailabilityGroupName);
        req.put("partnerEndpoint", g.partnerEndpoint != null ? g.partnerEndpoint
                : "TCP://" + sqlServerHost() + ":" + s.link.sqlServerEndpointPort);
        req.put("instanceAvailabilityGroupName", g.instanceAvailabilityGroupName);
        req.put("instanceLinkRole", g.instanceLinkRole);
        req.put("replicationMode", g.replicationMode);
        req.put("failoverMode", g.failoverMode);
        req.put("seedingMode", g.seedingMode);
        ArrayNode dbs = req.putArray("databases");
        for (String d : g.databases) {
            ObjectNode db = dbs.addObject().put("databaseName", d);
            for (Map.Entry<String, Object> e : g.databaseState.entrySet()) {
                db.set(e.getKey(), ArmState.JSON.valueToTree(e.getValue()));
            }
        }
        state.put(miId + "/distributedAvailabilityGroups/" + g.name,
                ArmBodies.distributedAvailabilityGroup(miId, g.name, req, "2024-07-21T08:00:00Z"));
    }

    private void failoverGroup(AzureScenario.FailoverGroup f) {
        String id = rgId + "/providers/Microsoft.Sql/locations/" + s.location + "/instanceFailoverGroups/" + f.name;
        ObjectNode n = ArmBodies.resource(id, f.name, "Microsoft.Sql/locations/instanceFailoverGroups");
        ObjectNode p = n.putObject("properties");
        p.putObject("readWriteEndpoint").put("failoverPolicy", "Automatic")
                .put("failoverWithDataLossGracePeriodMinutes", 60);
        p.putObject("readOnlyEndpoint").put("failoverPolicy", "Disabled");
        p.put("replicationRole", f.replicationRole);
        p.put("replicationState", "CATCH_UP");
        p.putArray("partnerRegions").addObject().put("location", f.partnerLocation)
                .put("replicationRole", "Primary".equals(f.replicationRole) ? "Secondary" : "Primary");
        ObjectNode pair = p.putArray("managedInstancePairs").addObject();
        pair.put("primaryManagedInstanceId", "Primary".equals(f.replicationRole) ? miId : f.partnerManagedInstanceId);
        pair.put("partnerManagedInstanceId", "Primary".equals(f.replicationRole) ? f.partnerManagedInstanceId : miId);
        state.put(id, n);
    }

    private void virtualNetwork(AzureScenario.VirtualNetwork v) {
        String id = topLevelNetwork(ArmBodies.VNET, v.name, p -> {
            p.putObject("addressSpace").set("addressPrefixes", ArmBodies.strings(v.addressPrefixes));
            peerings(p, rgId + "/providers/" + ArmBodies.VNET + "/" + v.name, v.peerings);
        });
        for (AzureScenario.Subnet sn : v.subnets) {
            ObjectNode sp = ArmState.JSON.createObjectNode();
            if (sn.addressPrefixes.isEmpty()) {
                sp.put("addressPrefix", sn.addressPrefix);
            } else {
                sp.set("addressPrefixes", ArmBodies.strings(sn.addressPrefixes));
            }
            if (sn.networkSecurityGroup != null) {
                sp.set("networkSecurityGroup", ArmBodies.idRef(rgId + "/providers/" + ArmBodies.NSG + "/"
                        + sn.networkSecurityGroup));
            }
            if (sn.routeTable != null) {
                sp.set("routeTable", ArmBodies.idRef(rgId + "/providers/" + ArmBodies.ROUTE_TABLE + "/"
                        + sn.routeTable));
            }
            ArrayNode dl = sp.putArray("delegations");
            for (String service : sn.delegations) {
                String dname = "dgManagedInstance" + ArmBodies.uuid(id + sn.name + service).substring(0, 8);
                ObjectNode d = dl.addObject();
                d.put("name", dname);
                d.put("id", id + "/subnets/" + sn.name + "/delegations/" + dname);
                d.put("etag", ArmBodies.etag(d.get("id").asText(), 0));
                ObjectNode dp = d.putObject("properties");
                dp.put("provisioningState", "Succeeded");
                dp.put("serviceName", service);
                dp.set("actions", ArmBodies.strings(java.util.List.of(
                        "Microsoft.Network/virtualNetworks/subnets/join/action",
                        "Microsoft.Network/virtualNetworks/subnets/prepareNetworkPolicies/action",
                        "Microsoft.Network/virtualNetworks/subnets/unprepareNetworkPolicies/action")));
                d.put("type", ArmBodies.VNET + "/subnets/delegations");
            }
            sp.put("privateEndpointNetworkPolicies", "Disabled");
            sp.put("privateLinkServiceNetworkPolicies", "Enabled");
            state.put(id + "/subnets/" + sn.name, subnet(id, sn.name, sp));
        }
    }

    /** {@code properties.virtualNetworkPeerings} as ARM returns them with the network. */
    private void peerings(ObjectNode p, String vnetId, java.util.List<AzureScenario.Peering> list) {
        ArrayNode peerings = p.putArray("virtualNetworkPeerings");
        for (AzureScenario.Peering pe : list == null ? java.util.List.<AzureScenario.Peering>of() : list) {
            String remote = pe.remoteVirtualNetwork.startsWith("/") ? pe.remoteVirtualNetwork
                    : rgId + "/providers/" + ArmBodies.VNET + "/" + pe.remoteVirtualNetwork;
            ObjectNode peering = ArmBodies.network(vnetId + "/virtualNetworkPeerings/" + pe.name, pe.name,
                    ArmBodies.VNET + "/virtualNetworkPeerings");
            ObjectNode pp = (ObjectNode) peering.get("properties");
            pp.put("peeringState", pe.peeringState);
            pp.put("peeringSyncLevel", "FullyInSync");
            pp.put("allowVirtualNetworkAccess", true);
            pp.put("allowForwardedTraffic", false);
            pp.put("allowGatewayTransit", pe.allowGatewayTransit);
            pp.put("useRemoteGateways", pe.useRemoteGateways);
            pp.set("remoteVirtualNetwork", ArmBodies.idRef(remote));
            pp.putObject("remoteAddressSpace").set("addressPrefixes", ArmBodies.strings(pe.remoteAddressPrefixes));
            pp.putObject("remoteVirtualNetworkAddressSpace").set("addressPrefixes",
                    ArmBodies.strings(pe.remoteAddressPrefixes));
            peerings.add(peering);
        }
    }

    static ObjectNode subnet(String vnetId, String name, ObjectNode properties) {
        ObjectNode n = ArmBodies.network(vnetId + "/subnets/" + name, name, ArmBodies.VNET + "/subnets");
        ObjectNode p = (ObjectNode) n.get("properties");
        p.setAll(properties);
        p.put("provisioningState", "Succeeded");
        return n;
    }

    private void nsg(AzureScenario.NetworkSecurityGroup g) {
        String id = topLevelNetwork(ArmBodies.NSG, g.name, p -> { });
        for (AzureScenario.SecurityRule r : g.securityRules) {
            state.put(id + "/securityRules/" + r.name,
                    ArmBodies.securityRule(id, r.name, ArmBodies.securityRuleProperties(r, rgId), false));
        }
        if (g.defaultRules) {
            for (ObjectNode d : ArmBodies.defaultRules(id)) {
                state.put(d.get("id").asText(), d);
            }
        }
    }

    private void routeTable(AzureScenario.RouteTable t) {
        String id = topLevelNetwork(ArmBodies.ROUTE_TABLE, t.name,
                p -> p.put("disableBgpRoutePropagation", t.disableBgpRoutePropagation));
        for (AzureScenario.Route r : t.routes) {
            ObjectNode rn = ArmBodies.network(id + "/routes/" + r.name, r.name, ArmBodies.ROUTE_TABLE + "/routes");
            ObjectNode rp = (ObjectNode) rn.get("properties");
            rp.put("addressPrefix", r.addressPrefix);
            rp.put("nextHopType", r.nextHopType);
            if (r.nextHopIpAddress != null) {
                rp.put("nextHopIpAddress", r.nextHopIpAddress);
            }
            rp.put("hasBgpOverride", false);
            state.put(id + "/routes/" + r.name, rn);
        }
    }

    /**
     * Stores a virtual network, NSG or route table of the scenario's resource group, in its location, with
     * {@code properties} adding the type's own properties; returns its id (the parent of its child resources).
     */
    private String topLevelNetwork(String type, String name, Consumer<ObjectNode> properties) {
        String id = rgId + "/providers/" + type + "/" + name;
        ObjectNode n = ArmBodies.network(id, name, type);
        n.put("location", s.location);
        ObjectNode p = (ObjectNode) n.get("properties");
        p.put("resourceGuid", ArmBodies.uuid(id));
        properties.accept(p);
        state.put(id, n);
        return id;
    }

    private String sqlServerHost() {
        if (s.link.sqlServerHost != null) {
            return s.link.sqlServerHost;
        }
        return s.sqlScenario == null ? "sqlserver" : s.sqlScenario.server.machineName;
    }

    /** The DER bytes of a certificate source: literal hex, or a certificate of the SQL scenario's master. */
    private byte[] blob(AzureScenario.CertificateSource c, String where) {
        if (c.publicBlob != null) {
            return PublicBlob.parse(c.publicBlob).orElseThrow(() -> new IllegalArgumentException(
                    "Invalid Azure scenario " + s.name + ": " + where + " has a publicBlob that is not hex of a DER"
                            + " certificate"));
        }
        if (c.sqlCertificate == null) {
            throw new IllegalArgumentException("Invalid Azure scenario " + s.name + ": " + where
                    + " needs publicBlob or sqlCertificate");
        }
        Scenario sql = s.sqlScenario;
        Certificate cert = sql == null ? null : SecurityViews.certificate(sql.database("master"),
                c.sqlCertificate);
        if (cert == null) {
            throw new IllegalArgumentException("Invalid Azure scenario " + s.name + ": " + where
                    + " refers to SQL certificate '" + c.sqlCertificate + "', which the SQL scenario's master lacks");
        }
        return cert.blob != null ? Values.hex(cert.blob) : SecurityViews.blob(cert);
    }
}
