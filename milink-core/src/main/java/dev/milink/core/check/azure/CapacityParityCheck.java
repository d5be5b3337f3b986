// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.buildref.MiHardware;
import dev.milink.core.buildref.MiHardware.Generation;
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
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ServerFacts.Capacity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MIL-M9: the managed instance has about as many vCores and as much memory as SQL Server uses. WARN when it has
 * clearly less (under {@value #CLEARLY_SMALLER_PERCENT} % of SQL Server's schedulers or memory target).
 */
public final class CapacityParityCheck extends MiPartCheck.OfInstance {

    /** Below this share of SQL Server's CPUs or memory the managed instance is "clearly smaller". */
    static final int CLEARLY_SMALLER_PERCENT = 75;

    public static final CheckMetadata META = AzureMeta.of("M9", "The managed instance's capacity is comparable to "
            + "SQL Server's", Area.AZURE, Severity.WARNING, AzureMeta.BOTH, false, AzureMeta.RESOURCE_LIMITS, """
                    A secondary smaller than its primary falls behind under load, and after a failover the \
                    workload runs on it: Microsoft recommends comparable vCores, memory and IO on both ends. \
                    Compares the managed instance's vCores (one vCore is one logical processor) with the \
                    schedulers SQL Server runs queries on (sys.dm_os_sys_info scheduler_count, else cpu_count), \
                    and its memory (vCores times the memory per vCore of its hardware generation, from the \
                    bundled reference data of Microsoft's resource limits page) with what SQL Server's memory \
                    manager aims to use (committed_target_kb, bounded by max server memory). Warns when either \
                    is under 75 % of SQL Server's. Reading sys.dm_os_sys_info needs VIEW SERVER PERFORMANCE \
                    STATE on SQL Server 2022 and later (VIEW SERVER STATE includes it) and VIEW SERVER STATE \
                    before; without it, or when the managed instance or its hardware generation is not known, \
                    the result is UNKNOWN. IO is not compared: SQL Server's disks are not read.""",
            Part.MANAGED_INSTANCE);

    public CapacityParityCheck() {
        super(META, "the size");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, ManagedInstance i, Finding.Builder finding) {
        if (!facts.server().capacity().isKnown()) {
            String reason = facts.server().capacity().reason();
            return finding.unknown("SQL Server's CPUs and memory could not be read: " + reason
                    + (reason.endsWith(".") ? "" : "."), Evidence.NONE, new Remediation("Collect as a login with "
                    + "VIEW SERVER PERFORMANCE STATE (SQL Server 2022 and later) or VIEW SERVER STATE, or compare "
                    + "by hand: SELECT cpu_count, scheduler_count, physical_memory_kb, committed_target_kb FROM "
                    + "sys.dm_os_sys_info.", List.of()));
        }
        Capacity sql = facts.server().capacity().orElse(null);
        if (i.vCores() < 1) {
            return finding.unknown(MiFacts.label(mi) + " reports no vCores (" + i.vCores() + ").");
        }
        Optional<Generation> generation = MiHardware.of(i.skuName());
        int cpus = sql.usableCpus();
        double sqlMemory = sql.usableMemoryGb();
        Double miMemory = generation.map(g -> g.memoryGb(i.vCores())).orElse(null);
        String miSize = i.vCores() + " vCores" + (miMemory == null ? "" : ", " + gb(miMemory) + " memory") + " ("
                + i.skuName() + generation.map(g -> ", " + g.name() + " " + g.memoryGbPerVCore() + " GB per vCore")
                .orElse("") + ")";
        String sqlSize = cpus + (sql.schedulerCount() > 0 ? " schedulers" : " CPUs") + " of " + sql.cpuCount()
                + " CPUs, memory target " + gb(sqlMemory) + " of " + gb(sql.physicalMemoryGb());
        Evidence evidence = Evidence.of(MiFacts.label(mi) + ": " + miSize + "; SQL Server: " + sqlSize,
                "at least " + CLEARLY_SMALLER_PERCENT + " % of SQL Server's schedulers and memory target");
        List<String> smaller = new ArrayList<>();
        if (i.vCores() * 100L < (long) cpus * CLEARLY_SMALLER_PERCENT) {
            smaller.add(i.vCores() + " vCores for SQL Server's " + cpus + " CPUs");
        }
        if (miMemory != null && miMemory * 100 < sqlMemory * CLEARLY_SMALLER_PERCENT) {
            smaller.add(gb(miMemory) + " memory for SQL Server's " + gb(sqlMemory));
        }
        if (!smaller.isEmpty()) {
            int needed = generation.map(g -> Math.max(cpus, (int) Math.ceil(sqlMemory / g.memoryGbPerVCore())))
                    .orElse(cpus);
            return finding.warn(MiFacts.label(mi) + " is clearly smaller than SQL Server: "
                    + String.join(" and ", smaller) + ".", evidence, new Remediation("Scale the managed "
                    + "instance to about " + needed + " vCores before the link carries the workload (az sql mi "
                    + "update --capacity " + needed + "; allowed sizes per tier: " + AzureMeta.RESOURCE_LIMITS
                    + "), or accept that after a failover it runs slower.", List.of()));
        }
        if (miMemory == null) {
            return finding.unknown("The memory of " + MiFacts.label(mi) + " (SKU " + i.skuName() + ") is not known: "
                    + "its hardware generation is not in milink's reference data (" + MiHardware.RESOURCE + "); "
                    + "its " + i.vCores() + " vCores match SQL Server's " + cpus + " CPUs.", evidence,
                    Remediation.NONE);
        }
        return finding.pass(MiFacts.label(mi) + " is comparable to SQL Server: " + miSize + " for " + sqlSize + ".",
                evidence);
    }

    private static String gb(double value) {
        return String.format(Locale.ROOT, "%.1f GB", value);
    }
}
