// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import static dev.milink.core.check.azure.support.AzureFixture.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.buildref.MiHardware;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.Capacity;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import org.junit.jupiter.api.Test;

class CapacityParityCheckTest {

    private static final long GB = 1_048_576L;

    private static Finding judge(Capacity sql, TestMi mi) {
        return one(new CapacityParityCheck(), TestFacts.linked().capacity(Fact.of(sql)).mi(mi));
    }

    @Test
    void aComparableInstancePassesWithBothSizes() {
        Finding f = one(new CapacityParityCheck(), TestFacts.linked());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("8 vCores", "40.8 GB", "8 schedulers", "28.0 GB");
        assertThat(f.evidence().observed()).contains("standard-series (Gen5) 5.1 GB per vCore");
    }

    @Test
    void fewerVCoresThanSqlServerUsesWarns() {
        Finding f = judge(new Capacity(32, 32, 256 * GB, 200 * GB), TestMi.ready());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.isBlocking()).isFalse();
        assertThat(f.message()).contains("8 vCores for SQL Server's 32 CPUs", "40.8 GB memory for SQL Server's 200.0 GB");
        // 200 GB at 5.1 GB per vCore needs 40 vCores, more than the 32 CPUs
        assertThat(f.remediation().summary()).contains("about 40 vCores", "az sql mi update --capacity 40");
    }

    @Test
    void lessMemoryAloneWarnsAndAMemoryRichGenerationPasses() {
        Capacity bigMemory = new Capacity(8, 8, 128 * GB, 100 * GB);
        Finding gen5 = judge(bigMemory, TestMi.ready());
        assertThat(gen5.status()).isEqualTo(Status.WARN);
        assertThat(gen5.message()).contains("40.8 GB memory for SQL Server's 100.0 GB").doesNotContain("vCores for");
        // memory optimized premium-series: 8 x 13.6 = 108.8 GB
        Finding g8ih = judge(bigMemory, TestMi.ready().instance("skuName", "BC_G8IH"));
        assertThat(g8ih.status()).isEqualTo(Status.PASS);
        assertThat(g8ih.message()).contains("108.8 GB", "memory optimized premium-series");
    }

    @Test
    void theThresholdIsThreeQuartersOfSqlServer() {
        // 6 vCores for 8 schedulers is exactly 75 %: comparable; 5 is not
        Capacity eight = new Capacity(16, 8, 32 * GB, 16 * GB);
        assertThat(judge(eight, TestMi.ready().instance("vCores", 6)).status()).isEqualTo(Status.PASS);
        assertThat(judge(eight, TestMi.ready().instance("vCores", 5)).status()).isEqualTo(Status.WARN);
        // the schedulers count, not the machine's CPUs (affinity, the edition's core limit)
        assertThat(judge(eight, TestMi.ready().instance("vCores", 6)).message()).contains("8 schedulers of 16 CPUs");
    }

    @Test
    void withoutAMemoryTargetThePhysicalMemoryCounts() {
        Finding f = judge(new Capacity(8, 0, 64 * GB, 0), TestMi.ready());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("for SQL Server's 64.0 GB");
        assertThat(f.evidence().observed()).contains("8 CPUs of 8 CPUs");
    }

    @Test
    void theGenerationsMemoryIsCappedAtItsMaximum() {
        assertThat(MiHardware.of("GP_Gen5").orElseThrow().memoryGb(80)).isEqualTo(408.0);
        assertThat(MiHardware.of("BC_G8IM").orElseThrow().memoryGb(128)).isEqualTo(560.0);
        assertThat(MiHardware.of("GP_G8IH").orElseThrow().memoryGb(4)).isEqualTo(54.4);
        assertThat(MiHardware.of("GP_Gen4")).isEmpty();
        assertThat(MiHardware.of(null)).isEmpty();
        assertThat(MiHardware.source()).contains("resource-limits", "retrieved 2026-12-06");
    }

    @Test
    void sqlServerUnreadableIsUnknownNamingThePermission() {
        Finding f = one(new CapacityParityCheck(), TestFacts.linked().capacity(Fact.unknown(
                "sys.dm_os_sys_info needs VIEW SERVER PERFORMANCE STATE (error 300: permission was denied)")));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("SQL Server's CPUs and memory could not be read",
                "VIEW SERVER PERFORMANCE STATE");
        assertThat(f.remediation().summary()).contains("VIEW SERVER PERFORMANCE STATE", "FROM sys.dm_os_sys_info");
    }

    @Test
    void managedInstanceUnreadableOrOfUnknownSizeIsUnknown() {
        assertThat(one(new CapacityParityCheck(), TestFacts.linked().mi(TestMi.ready().set("instance",
                Fact.unknown("403 AuthorizationFailed")))).status()).isEqualTo(Status.UNKNOWN);
        assertThat(judge(TestFacts.READY_CAPACITY, TestMi.ready().instance("vCores", 0)).status())
                .isEqualTo(Status.UNKNOWN);
        Finding unknownGeneration = judge(TestFacts.READY_CAPACITY, TestMi.ready().instance("skuName", "GP_Gen9"));
        assertThat(unknownGeneration.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknownGeneration.message()).contains("GP_Gen9", "not in milink's reference data");
        // clearly fewer vCores is a warning even when the memory cannot be told
        assertThat(judge(new Capacity(64, 64, 512 * GB, 400 * GB), TestMi.ready().instance("skuName", "GP_Gen9"))
                .status()).isEqualTo(Status.WARN);
    }

}
