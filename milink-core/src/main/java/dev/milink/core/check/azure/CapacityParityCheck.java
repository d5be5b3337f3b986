// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import java.util.List;

/**
 * MIL-M9: the managed instance has capacity comparable to SQL Server's. SQL Server's CPU count is not collected
 * yet, so this reports the managed instance's size as a note with the query to compare against.
 */
public final class CapacityParityCheck extends InstanceCheck {

    public static final CheckMetadata META = AzureMeta.of("M9", "The managed instance's capacity is comparable to "
            + "SQL Server's", Area.AZURE, Severity.INFO, AzureMeta.BOTH, false, AzureMeta.PREPARATION, """
                    A secondary smaller than its primary falls behind under load, and after a failover the \
                    workload runs on it: Microsoft recommends comparable vCores, memory and IO on both ends. \
                    Reads the managed instance's vCores, tier and storage. milink does not collect SQL Server's \
                    CPU count yet, so the finding is a note with both sizes to compare (sys.dm_os_sys_info \
                    cpu_count on SQL Server) at INFO severity, never a warning or a failure, until SQL Server's \
                    size is collected.""", Part.MANAGED_INSTANCE);

    public CapacityParityCheck() {
        super(META);
    }

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ManagedInstanceFacts mi = MiFacts.of(facts);
        if (!mi.instance().isKnown()) {
            return finding.unknown(MiFacts.unreadable(mi, "the size", mi.instance()));
        }
        ManagedInstance i = mi.instance().orElse(null);
        String size = i.vCores() + " vCores, " + ServiceTierCheck.tier(i) + " (" + i.skuName() + "), "
                + i.storageSizeInGb() + " GB storage";
        return finding.info(MiFacts.label(mi) + " has " + size + "; compare with SQL Server's CPU count "
                        + "and memory, which milink does not collect.",
                Evidence.of(size, "comparable to SQL Server's CPU, memory and IO"),
                new Remediation("On SQL Server run SELECT cpu_count, physical_memory_kb / 1048576 AS memory_gb "
                        + "FROM sys.dm_os_sys_info; scale the managed instance if it is much smaller.",
                        List.of()));
    }
}
