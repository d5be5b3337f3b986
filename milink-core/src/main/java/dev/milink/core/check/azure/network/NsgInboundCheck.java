// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.Part;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.model.Facts;
import java.util.List;

/** MIL-N2: the managed instance subnet's NSG allows TCP 5022 and 11000–11999 in from SQL Server. */
public final class NsgInboundCheck extends InstanceCheck {

    public static final CheckMetadata META = AzureMeta.of("N2", "The managed instance's NSG allows the link in "
            + "from SQL Server", Area.NETWORK, Severity.BLOCKER, AzureMeta.BOTH, true, AzureMeta.PREPARATION, """
                    SQL Server connects to the managed instance's endpoint on TCP 5022 and to its current \
                    primary node on a port in 11000-11999; the network security group on the managed instance's \
                    subnet must allow both from every SQL Server address. Evaluates the NSG's rules as Azure \
                    does (see MIL-N3 for the outbound side): by priority, first match wins, default rules last, \
                    with address prefixes and lists, port ranges and lists, protocols and the service tags *, \
                    Internet, AzureLoadBalancer and VirtualNetwork. VirtualNetwork is taken as Azure defines it: \
                    the virtual network's address space, the spaces of connected peerings and the prefixes of the \
                    subnet's user-defined routes (read from ARM with the subnet), plus the on-premises ranges a \
                    gateway learns; those cannot be read, so when the network has a GatewaySubnet or \
                    RouteServerSubnet, or a peering uses the remote gateway, a private address outside the known \
                    space under VirtualNetwork is UNKNOWN with that reason (likewise when the virtual network \
                    cannot be read: the missing RBAC action is named). Application security groups and other \
                    tags are never assumed to allow: they make the result UNKNOWN. A deny that comes before an \
                    allow is named with the allow it shadows. Needs SQL Server's addresses as the managed \
                    instance sees them (--sql-address). The fix adds one allow rule (PUT securityRules, or Azure \
                    CLI, PowerShell and Bicep) at a free priority before the blocking rule.""",
            Part.MANAGED_INSTANCE);

    static final List<String> PORTS = List.of("5022", "11000-11999");

    public NsgInboundCheck() {
        super(META);
    }

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        return NsgFlows.judge(META, finding, facts, true, PORTS);
    }
}
