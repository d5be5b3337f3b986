// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Check;
import java.util.List;

/** The instance checks (requirements baseline rows I1–I17), in report order. */
public final class InstanceChecks {

    public static final List<Check> ALL = List.of(
            new SysadminCheck(),
            new MasterKeyCheck(),
            new HadrCheck(),
            new Sql2016ClusterCheck(),
            new TraceFlag1800Check(),
            new TraceFlag9567Check(),
            new RestartPendingCheck(),
            new MirroringEndpointCheck(),
            new EndpointCertificateCheck(),
            new MiCertificateCheck(),
            new AzureRootCaCheck(),
            new CertificateChainCheck(),
            new AgentRunningCheck(),
            new AgentJobPermissionCheck(),
            new EndpointPortCheck(),
            new ExistingAvailabilityGroupCheck());

    private InstanceChecks() {
    }
}
