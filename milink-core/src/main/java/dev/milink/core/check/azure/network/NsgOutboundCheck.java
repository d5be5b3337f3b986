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
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import java.util.List;

/** MIL-N3: the managed instance subnet's NSG allows TCP to SQL Server's endpoint port (5022 by default). */
public final class NsgOutboundCheck extends InstanceCheck {

    public static final CheckMetadata META = AzureMeta.of("N3", "The managed instance's NSG allows the link out "
            + "to SQL Server", Area.NETWORK, Severity.BLOCKER, AzureMeta.BOTH, true, AzureMeta.PREPARATION, """
                    The managed instance connects to SQL Server's database mirroring endpoint, so the network \
                    security group on its subnet must allow outbound TCP to every SQL Server address on that \
                    port: the endpoint's port when SQL Server reports one, else 5022. Evaluated as for MIL-N2 \
                    (priority, first match, default rules, prefixes, ports, protocols, service tags; application \
                    security groups and unresolvable tags give UNKNOWN, never a pass). Needs --sql-address. The \
                    fix adds one outbound allow rule at a free priority before the blocking rule.""",
            Part.MANAGED_INSTANCE, Part.SQL_SERVER);

    static final int DEFAULT_PORT = 5022;

    public NsgOutboundCheck() {
        super(META);
    }

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        int port = facts.server().mirroringEndpoint().orElse(List.of()).stream().findFirst()
                .map(MirroringEndpoint::port).filter(p -> p > 0).orElse(DEFAULT_PORT);
        return NsgFlows.judge(META, finding, facts, false, List.of(String.valueOf(port)));
    }
}
