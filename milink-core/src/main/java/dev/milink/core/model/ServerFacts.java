// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything milink read from one SQL Server instance. Immutable; built by a collector (online over JDBC, or
 * offline from the output of {@code milink collect-script}) and judged by checks that never touch a connection.
 * Each {@link Fact} says what could not be read and why.
 *
 * @param target            how the user named the instance (host, host:port, host\instance), for reports
 * @param collectedAt       when collection finished
 * @param product           version, edition and update level ({@code SERVERPROPERTY})
 * @param host              operating system ({@code sys.dm_os_host_info}, or {@code sys.dm_os_windows_info} on 2016)
 * @param identity          server, machine and instance names and collation
 * @param sysadmin          whether the collecting login is a member of sysadmin
 * @param hadrEnabled       {@code SERVERPROPERTY('IsHadrEnabled')}
 * @param wsfc              the Windows Server Failover Cluster this node belongs to ({@code sys.dm_hadr_cluster})
 * @param systemAccountPermissions server permissions granted to {@code NT AUTHORITY\SYSTEM}
 * @param runningTraceFlags trace flags enabled globally right now ({@code DBCC TRACESTATUS(-1)})
 * @param startupParameters startup parameters as persisted (Windows registry; on Linux the error log's startup lines)
 * @param startTime         when the instance last started ({@code sys.dm_os_sys_info.sqlserver_start_time})
 * @param masterKeyInMaster whether master holds a database master key ({@code ##MS_DatabaseMasterKey##})
 * @param certificates      certificates in master
 * @param mirroringEndpoint the DATABASE_MIRRORING endpoint, empty list when there is none (SQL Server allows one)
 * @param services          SQL Server services ({@code sys.dm_server_services})
 * @param availabilityGroups availability groups, distributed ones included
 * @param configurations    {@code sys.configurations} value_in_use by name
 * @param databases         every database on the instance, system ones included
 * @param milinkAgentJobs   SQL Agent jobs milink itself creates and removes (the network test's
 *                          {@code milink_nettest_…} jobs): any present is a leftover of an interrupted run
 * @param capacity          CPUs and memory ({@code sys.dm_os_sys_info}), to size the managed instance against
 * @since 0.1
 */
public record ServerFacts(
        String target,
        Instant collectedAt,
        Fact<Product> product,
        Fact<HostInfo> host,
        Fact<Identity> identity,
        Fact<Boolean> sysadmin,
        Fact<Boolean> hadrEnabled,
        Fact<Wsfc> wsfc,
        Fact<Set<String>> systemAccountPermissions,
        Fact<Set<Integer>> runningTraceFlags,
        Fact<StartupParameters> startupParameters,
        Fact<Instant> startTime,
        Fact<Boolean> masterKeyInMaster,
        Fact<List<Certificate>> certificates,
        Fact<List<MirroringEndpoint>> mirroringEndpoint,
        Fact<List<ServiceInfo>> services,
        Fact<List<AvailabilityGroup>> availabilityGroups,
        Fact<Map<String, Long>> configurations,
        Fact<List<DatabaseFacts>> databases,
        Fact<List<String>> milinkAgentJobs,
        Fact<Capacity> capacity) {

    /**
     * An instance whose facts were not read in this run (e.g. {@code milink network test} judges only the network):
     * every fact is unknown with {@code reason}, so a check that reads one says UNKNOWN, never PASS.
     */
    public static ServerFacts notCollected(String target, Instant at, String reason) {
        return new ServerFacts(target, at, Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason),
                Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason),
                Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason),
                Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason),
                Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason));
    }

    /**
     * The certificate the link's endpoint authenticates with: the one the mirroring endpoint uses, or without an
     * endpoint the certificate in master whose private key the master key protects and that expires last (the one
     * a link setup reuses). A network test's leftover endpoint or certificate ({@link MilinkObjects}) is neither.
     * Empty when there is none or the certificates could not be read.
     */
    public Optional<Certificate> endpointCertificate() {
        List<Certificate> all = certificates.orElse(List.of()).stream()
                .filter(c -> !MilinkObjects.isNetworkTestObject(c.name())).toList();
        Optional<String> endpointCert = mirroringEndpoint.orElse(List.of()).stream()
                .filter(e -> !MilinkObjects.isNetworkTestObject(e.name())).findFirst()
                .map(MirroringEndpoint::certificateName);
        if (endpointCert.isPresent()) {
            return all.stream().filter(c -> c.name().equals(endpointCert.get())).findFirst();
        }
        return all.stream()
                .filter(c -> "MK".equalsIgnoreCase(c.privateKeyEncryption()) && !c.name().startsWith("##"))
                .max(Comparator.comparing(Certificate::expiryDate, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * @param version          ProductVersion
     * @param productLevel     RTM, SP1, SP3…
     * @param updateLevel      CU18…, null on RTM/GDR-only builds
     * @param updateReference  KB article of the installed update, may be null
     * @param edition          e.g. "Enterprise Edition (64-bit)"
     * @param engineEdition    1 Personal/Desktop, 2 Standard, 3 Enterprise (also Developer/Evaluation), 4 Express, 5 SQL Database, 8 Managed Instance
     * @param versionBanner    {@code @@VERSION}
     */
    public record Product(SqlVersion version, String productLevel, String updateLevel, String updateReference,
                          String edition, int engineEdition, String versionBanner) {}

    /**
     * @param platform     "Windows" or "Linux"
     * @param distribution e.g. "Windows Server 2019 Datacenter", "Ubuntu"
     * @param release      e.g. "10.0", "22.04"
     * @param sku          Windows SKU number from {@code host_sku}, null on Linux or unknown
     */
    public record HostInfo(String platform, String distribution, String release, Integer sku) {
        public boolean isLinux() {
            return "Linux".equalsIgnoreCase(platform);
        }
    }

    /** @param instanceName null for a default instance */
    public record Identity(String serverName, String machineName, String instanceName, String collation,
                           boolean clustered) {}

    /** @param clusterName null when the node is not in a cluster */
    public record Wsfc(String clusterName) {
        public boolean present() {
            return clusterName != null;
        }
    }

    /**
     * @param arguments startup arguments, e.g. ["-dC:\\…\\master.mdf", "-T1800"]
     * @param source    where they were read: "registry" (Windows), "errorlog" (Linux startup lines), …
     */
    public record StartupParameters(List<String> arguments, String source) {
        /** Trace flags given as {@code -T1800} (or {@code -t1800}) arguments. */
        public Set<Integer> traceFlags() {
            return arguments.stream()
                    .map(String::trim)
                    .filter(a -> a.length() > 2 && (a.startsWith("-T") || a.startsWith("-t")))
                    .map(a -> a.substring(2).trim())
                    .filter(a -> a.chars().allMatch(Character::isDigit))
                    .map(Integer::valueOf)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /**
     * A certificate in master.
     *
     * @param privateKeyEncryption {@code pvt_key_encryption_type}: MK (by master key), PW (password), NA (no private key)
     * @param thumbprint           SHA-1 thumbprint as upper-case hex
     * @param publicBlobHex        the DER certificate ({@code CERTENCODED}) as upper-case hex without {@code 0x},
     *                             or null when it was not read; the thumbprint is its SHA-1
     */
    public record Certificate(String name, int certificateId, String subject, String issuer, Instant startDate,
                              Instant expiryDate, String privateKeyEncryption, String thumbprint,
                              String publicBlobHex) {

        /** A certificate whose public blob was not read. */
        public Certificate(String name, int certificateId, String subject, String issuer, Instant startDate,
                           Instant expiryDate, String privateKeyEncryption, String thumbprint) {
            this(name, certificateId, subject, issuer, startDate, expiryDate, privateKeyEncryption, thumbprint, null);
        }
    }

    /**
     * The DATABASE_MIRRORING endpoint ({@code sys.database_mirroring_endpoints} joined to {@code sys.tcp_endpoints}).
     *
     * @param connectionAuth      connection_auth_desc, e.g. "CERTIFICATE", "WINDOWS_NEGOTIATE_CERTIFICATE"
     * @param certificateName     the certificate it authenticates with, null if none
     * @param encryptionAlgorithm encryption_algorithm_desc, e.g. "AES", "RC4_AES", "NONE"
     */
    public record MirroringEndpoint(String name, String state, String role, String connectionAuth,
                                    String certificateName, boolean encryptionEnabled, String encryptionAlgorithm,
                                    int port, String ipAddress) {}

    /** @param name servicename, e.g. "SQL Server Agent (MSSQLSERVER)" */
    public record ServiceInfo(String name, String status, String startupType) {
        public boolean isAgent() {
            return name != null && name.toLowerCase(java.util.Locale.ROOT).contains("agent");
        }
    }

    /**
     * The instance's compute as {@code sys.dm_os_sys_info} reports it.
     *
     * @param cpuCount          logical CPUs of the machine ({@code cpu_count})
     * @param schedulerCount    schedulers SQL Server runs queries on ({@code scheduler_count}): fewer than
     *                          {@code cpuCount} when affinity or the edition's core limit hides some
     * @param physicalMemoryKb  the machine's memory ({@code physical_memory_kb})
     * @param committedTargetKb what SQL Server's memory manager aims to use ({@code committed_target_kb}, bounded
     *                          by max server memory)
     */
    public record Capacity(int cpuCount, int schedulerCount, long physicalMemoryKb, long committedTargetKb) {

        /** The CPUs SQL Server actually uses: its schedulers, or the CPU count when none were reported. */
        public int usableCpus() {
            return schedulerCount > 0 ? schedulerCount : cpuCount;
        }

        /** The memory SQL Server aims to use, in GB; the machine's when no target was reported. */
        public double usableMemoryGb() {
            return (committedTargetKb > 0 ? committedTargetKb : physicalMemoryKb) / 1_048_576.0;
        }

        public double physicalMemoryGb() {
            return physicalMemoryKb / 1_048_576.0;
        }
    }

    /** @param clusterType NONE, WSFC, EXTERNAL; null before SQL Server 2017 */
    public record AvailabilityGroup(String name, boolean distributed, String clusterType, List<String> databases) {}
}
