// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/** SERVERPROPERTY values and instance identity. */
public final class Server {
    public String productVersion = "15.0.4261.1";
    public String productLevel = "RTM";
    public String productUpdateLevel;
    public String productUpdateReference;
    /** Managed Instance only: CU or Continuous. */
    public String productUpdateType;
    public String edition = "Enterprise Edition (64-bit)";
    /** 0 = derive from the edition. */
    public int engineEdition;
    public Long editionId;
    public String machineName = "SQLPROD01";
    /** Null for the default instance. */
    public String instanceName;
    /** @@SERVERNAME; derived from machine and instance name when absent. */
    public String serverName;
    public String collation = "SQL_Latin1_General_CP1_CI_AS";
    public boolean hadrEnabled;
    public Integer hadrManagerStatus;
    public boolean clustered;
    public String startTime = "2024-05-01T08:00:00";
    /** Build date line of @@VERSION, e.g. "Sep 12 2022 15:07:06". */
    public String buildDate = "Sep 12 2022 15:07:06";
    public int cpuCount = 8;
    /** Schedulers SQL Server uses ({@code scheduler_count}); 0 = one per CPU. */
    public int schedulerCount;
    public long physicalMemoryKb = 33_554_432L;
    /** What the memory manager aims for ({@code committed_target_kb}); 0 = half the machine's memory. */
    public long committedTargetKb;
    public int processId = 4242;
    /** Root of the instance's files, e.g. {@code C:\Program Files\Microsoft SQL Server\MSSQL15.MSSQLSERVER\MSSQL}. */
    public String dataRoot;
    public int tcpPort = 1433;

    @JsonIgnore
    public int schedulers() {
        return schedulerCount > 0 ? schedulerCount : cpuCount;
    }

    @JsonIgnore
    public long committedTargetKb() {
        return committedTargetKb > 0 ? committedTargetKb : physicalMemoryKb / 2;
    }

    @JsonIgnore
    public String instanceId(int major) {
        return "MSSQL" + major + "." + (instanceName == null ? "MSSQLSERVER" : instanceName.toUpperCase(Locale.ROOT));
    }
}
