// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.AzureSteps;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.check.azure.support.MiPartCheck;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import java.util.List;
import java.util.Set;

/** MIL-M7: the managed instance is running (state Ready), with no operation in progress. */
public final class ManagedInstanceStateCheck extends MiPartCheck.OfInstance {

    public static final CheckMetadata META = AzureMeta.of("M7", "The managed instance is ready", Area.AZURE,
            Severity.BLOCKER, AzureMeta.BOTH, true, AzureMeta.PREPARATION, """
                    Creating or failing over a link needs a running managed instance with no other management \
                    operation in progress: Azure rejects the request with ManagedInstanceStoppingOrStopped, \
                    ManagedInstanceStarting or ManagedInstanceOperationInProgress otherwise. Reads \
                    properties.state of the managed instance resource; only Ready passes. A stopped instance \
                    can be started (Azure CLI or PowerShell, not applied by milink: starting starts billing); \
                    for any other state, wait for the running operation to finish.""", Part.MANAGED_INSTANCE);

    private static final Set<String> STOPPED = Set.of("stopped", "stopping");

    public ManagedInstanceStateCheck() {
        super(META, "the state");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, ManagedInstance i, Finding.Builder finding) {
        String state = i.state() == null ? "unknown" : i.state();
        Evidence evidence = Evidence.of("state " + state, "Ready");
        if ("ready".equalsIgnoreCase(state)) {
            return finding.pass(MiFacts.label(mi) + " is Ready.", evidence);
        }
        if (STOPPED.contains(MiFacts.lower(state))) {
            String rg = MiFacts.segment(mi.resourceId(), "resourceGroups").orElse("<resource-group>");
            var start = AzureSteps.step(META.id(), facts, "start-managed-instance", "Start " + MiFacts.label(mi))
                    .text(ScriptKind.AZURE_CLI, "az sql mi start --resource-group " + AzureSteps.sh(rg)
                            + " --mi " + AzureSteps.sh(mi.name()) + "\n")
                    .text(ScriptKind.AZURE_POWERSHELL, "Start-AzSqlInstance -ResourceGroupName "
                            + AzureSteps.ps(rg) + " -Name " + AzureSteps.ps(mi.name()) + "\n")
                    .build();
            return finding.fail(MiFacts.label(mi) + " is " + state + "; a link needs it running.",
                    evidence, new Remediation("Start the managed instance (billing resumes).", List.of(start)));
        }
        return finding.fail(MiFacts.label(mi) + " is " + state + "; wait until the running operation "
                        + "finishes and the state is Ready.", evidence,
                new Remediation("Wait for the managed instance to reach Ready, then run the check again.",
                        List.of()));
    }
}
