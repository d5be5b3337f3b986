// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.model.Facts;
import java.util.List;

/**
 * MIL-I10: SQL Server's endpoint certificate is uploaded to the managed instance. Only Azure Resource Manager
 * can answer this, so until milink reads the managed instance it reports SKIPPED with the command that checks it,
 * rather than staying silent.
 */
public final class ServerTrustCertificateCheck implements Check {

    public static final CheckMetadata META = InstanceMeta.meta("I10",
            "SQL Server's endpoint certificate is trusted by the managed instance", Area.CERTIFICATES,
            Severity.BLOCKER, InstanceMeta.BOTH, false, InstanceMeta.CONFIGURE_SCRIPTS, """
            The managed instance accepts SQL Server's endpoint only when the public key of its certificate was \
            uploaded as a server trust certificate (otherwise link creation fails with error 41973). This lives \
            in Azure Resource Manager (managedInstances/serverTrustCertificates), which SQL Server cannot show: \
            milink reports SKIPPED with the command to check it until it reads the managed instance. A \
            certificate re-created on SQL Server also leaves a stale trust certificate behind that must be \
            removed.""");

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        String certificate = EndpointCertificates.current(facts.server()).map(c -> c.name() + " (thumbprint "
                + c.thumbprint() + ")").orElse("the endpoint certificate");
        return List.of(Finding.of(META, Target.instance(facts.server().target())).skipped(
                "Needs the managed instance's server trust certificates from Azure Resource Manager, which milink "
                        + "does not read yet. Check that " + certificate + " is listed by "
                        + "Get-AzSqlInstanceServerTrustCertificate -ResourceGroupName <resource group> "
                        + "-InstanceName <managed instance> (or az sql mi partner-cert list), matching by "
                        + "thumbprint."));
    }
}
