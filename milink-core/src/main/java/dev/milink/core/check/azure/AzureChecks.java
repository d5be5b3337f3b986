// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.check.Check;
import dev.milink.core.check.azure.certificates.ServerTrustCertificateCheck;
import dev.milink.core.check.azure.network.NsgInboundCheck;
import dev.milink.core.check.azure.network.NsgOutboundCheck;
import dev.milink.core.check.azure.network.RouteTableCheck;
import dev.milink.core.check.azure.network.SubnetOverlapCheck;
import java.util.List;

/**
 * The checks that read the managed-instance end (rows M*, N*, I10 and section 1.5), in report order: the
 * instance, the caller's rights, then the network, then the certificates across both ends.
 */
public final class AzureChecks {

    public static final List<Check> ALL = List.of(
            new ManagedInstanceStateCheck(),
            new PermissionsCheck(),
            new UpdatePolicyCheck(),
            new ServiceTierCheck(),
            new DatabaseCountCheck(),
            new StorageHeadroomCheck(),
            new CollationCheck(),
            new CapacityParityCheck(),
            new FailoverGroupCheck(),
            new NsgInboundCheck(),
            new NsgOutboundCheck(),
            new SubnetOverlapCheck(),
            new RouteTableCheck(),
            new ServerTrustCertificateCheck());

    private AzureChecks() {
    }
}
