// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.testing;

import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.CallerPermissions;
import dev.milink.core.model.ManagedInstanceFacts.EndpointCertificate;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.Permission;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import dev.milink.core.model.ManagedInstanceFacts.Subnet;
import dev.milink.core.model.ManagedInstanceFacts.TrustCertificate;
import dev.milink.core.model.ManagedInstanceFacts.Peering;
import dev.milink.core.model.ManagedInstanceFacts.VirtualNetwork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A hand-built managed-instance end for check tests. {@link #ready()} is a Ready General Purpose instance that
 * passes every Azure check against {@link TestFacts#ready()} with SQL Server at {@link #SQL_ADDRESS}; tests change
 * one thing at a time.
 *
 * <pre>{@code
 * Facts f = TestFacts.linked().mi(TestMi.ready().instance("state", "Stopped")).build();
 * Facts g = TestFacts.linked().mi(TestMi.ready().set("databases", Fact.unknown("403 AuthorizationFailed"))).build();
 * }</pre>
 */
public final class TestMi {

    public static final String SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000001";
    public static final String RESOURCE_ID = SUBSCRIPTION
            + "/resourceGroups/rg-link/providers/Microsoft.Sql/managedInstances/contoso-mi";
    public static final String NETWORK = SUBSCRIPTION + "/resourceGroups/rg-net/providers/Microsoft.Network";
    public static final String VNET_ID = NETWORK + "/virtualNetworks/vnet-mi";
    public static final String VNET_PREFIX = "10.0.0.0/16";
    public static final String SUBNET_ID = VNET_ID + "/subnets/mi-subnet";
    public static final String NSG_ID = NETWORK + "/networkSecurityGroups/nsg-mi";
    public static final String SUBNET_PREFIX = "10.0.0.0/24";
    /** SQL Server's address as the managed instance sees it. */
    public static final String SQL_ADDRESS = "10.1.0.4";
    public static final String SQL_NETWORK = "10.1.0.0/24";

    private ManagedInstanceFacts mi;

    private TestMi(ManagedInstanceFacts mi) {
        this.mi = mi;
    }

    public static TestMi ready() {
        return new TestMi(new ManagedInstanceFacts(RESOURCE_ID, TestFacts.NOW,
                Fact.of(new ManagedInstance("Ready", TestFacts.MI_FQDN, SUBNET_ID, "GP_Gen5", "GeneralPurpose", 8,
                        256, 10, "SQL_Latin1_General_CP1_CI_AS", "SQLServer2022", false, false, "1.2", false,
                        "westeurope", "LicenseIncluded", null)),
                Fact.of(List.of()),
                Fact.of(List.of(new TrustCertificate("Cert_SQL01_endpoint", TestCertificates.SQL_ENDPOINT_HEX,
                        TestCertificates.SQL_ENDPOINT_SHA1))),
                Fact.of(new EndpointCertificate("DATABASE_MIRRORING", TestCertificates.MI_ENDPOINT_HEX,
                        Instant.parse("2027-02-25T00:00:00Z"))),
                Fact.of(List.of()), Fact.of(List.of()), Fact.of("AzureKeyVault"),
                Fact.of(new Subnet(SUBNET_ID, List.of(SUBNET_PREFIX), NSG_ID, null,
                        List.of("Microsoft.Sql/managedInstances"))),
                Fact.of(Optional.of(new NetworkSecurityGroup(NSG_ID, List.of(
                        rule("allow-link-in", 1000, "Inbound", "Allow", List.of(SQL_NETWORK), List.of(SUBNET_PREFIX),
                                List.of("5022", "11000-11999")),
                        rule("allow-link-out", 1000, "Outbound", "Allow", List.of(SUBNET_PREFIX),
                                List.of(SQL_NETWORK), List.of("5022"))), List.of()))),
                Fact.of(Optional.empty()),
                Fact.of(new CallerPermissions(List.of(new Permission(List.of("Microsoft.Sql/managedInstances/*"),
                        List.of())))),
                Fact.of(new VirtualNetwork(VNET_ID, List.of(VNET_PREFIX), List.of("mi-subnet"), List.of()))));
    }

    /** The virtual network: its address space, subnet names and peerings. */
    public TestMi virtualNetwork(List<String> prefixes, List<String> subnets, Peering... peerings) {
        return set("virtualNetwork", Fact.of(new VirtualNetwork(VNET_ID, prefixes, subnets, List.of(peerings))));
    }

    /** A TCP rule from {@code sources} to {@code destinations} on {@code ports}, any source port, no ASGs. */
    public static SecurityRule rule(String name, int priority, String direction, String access, List<String> sources,
                                    List<String> destinations, List<String> ports) {
        return new SecurityRule(name, priority, direction, access, "Tcp", sources, List.of("*"), destinations,
                ports, List.of(), List.of());
    }

    /** Replaces one component of {@link ManagedInstanceFacts} by name, e.g. {@code set("links", Fact.of(…))}. */
    public TestMi set(String component, Object value) {
        mi = TestFacts.copy(mi, component, value);
        return this;
    }

    /** Replaces one property of the instance resource, e.g. {@code instance("state", "Stopped")}. */
    public TestMi instance(String component, Object value) {
        return instance(i -> TestFacts.copy(i, component, value));
    }

    public TestMi instance(UnaryOperator<ManagedInstance> change) {
        return set("instance", Fact.of(change.apply(mi.instance().asOptional().orElseThrow())));
    }

    /** The NSG's custom rules replaced. */
    public TestMi nsgRules(SecurityRule... rules) {
        return set("networkSecurityGroup", Fact.of(Optional.of(new NetworkSecurityGroup(NSG_ID, List.of(rules),
                List.of()))));
    }

    /** The caller's permissions: one role with these actions and notActions. */
    public TestMi permissions(List<String> actions, List<String> notActions) {
        return set("permissions", Fact.of(new CallerPermissions(List.of(new Permission(actions, notActions)))));
    }

    public ManagedInstanceFacts build() {
        return mi;
    }
}
