// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.check.azure.support.MiPartCheck;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import java.util.List;

/** MIL-M5: the managed instance is not in an instance failover group. */
public final class FailoverGroupCheck extends MiPartCheck<List<String>> {

    public static final CheckMetadata META = AzureMeta.of("M5", "The managed instance is not in a failover group",
            Area.AZURE, Severity.BLOCKER, AzureMeta.BOTH, false, AzureMeta.OVERVIEW, """
                    A managed instance in an instance failover group cannot take part in a link, and once a link \
                    exists no failover group can be created. Reads the instance failover groups of the managed \
                    instance's region that name it. Removing a failover group changes the disaster-recovery \
                    design, so milink only reports it.""", Part.MANAGED_INSTANCE);

    public FailoverGroupCheck() {
        super(META, "the failover groups", ManagedInstanceFacts::failoverGroups);
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, List<String> groups, Finding.Builder finding) {
        if (groups.isEmpty()) {
            return finding.pass(MiFacts.label(mi) + " is in no failover group.",
                    Evidence.of("none", "none"));
        }
        return finding.fail(MiFacts.label(mi) + " is in failover group " + String.join(", ", groups) + ".",
                Evidence.of(String.join(", ", groups), "none"), new Remediation("Remove the managed instance from "
                        + "the failover group, or link to another managed instance.", List.of()));
    }
}
