// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.sandbox.engine.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One simulated SQL Server instance, as a scenario YAML file describes it (format: {@code docs/sandbox.md}).
 *
 * <p>This is a plain document model: {@link Scenarios} parses and shares one instance per scenario name as a
 * template, and every engine works on its own {@link #copy()}, which the catalog engine then mutates
 * (ALTER DATABASE, BACKUP, CREATE CERTIFICATE …). Missing values get SQL Server-like defaults, filled in by
 * {@link ScenarioDefaults} when the scenario is loaded.
 *
 * <pre>
 * Scenario s = Scenarios.load("unprepared-2019");
 * SqlEngine engine = CatalogEngine.create(s);
 * </pre>
 *
 * @since 0.1
 */
public final class Scenario {
    public String name;
    public String description;
    /** Name of a scenario this one starts from; maps merge key by key, lists replace. */
    public String base;
    public Server server = new Server();
    public Host host = new Host();
    public Agent agent = new Agent();
    public TraceFlags traceFlags = new TraceFlags();
    /** Startup parameters before the trace flags, e.g. {@code -dC:\…\master.mdf}; defaults from the data root. */
    public List<String> startupParameters;
    public List<RegistryValue> registry = new ArrayList<>();
    public List<ErrorLogLine> errorLog = new ArrayList<>();
    /** sys.configurations values by option name, e.g. {@code contained database authentication: 0}. */
    public Map<String, Integer> configurations = new LinkedHashMap<>();
    public FileSystem filesystem = new FileSystem();
    public List<Login> logins = new ArrayList<>();
    /**
     * The login tools connect with by default ({@code milink demo}, {@code milink sandbox}), e.g. a low-privileged
     * one in a scenario about permissions; null = a sysadmin login.
     */
    public String connectAs;
    /** Entra access token → login name, for FEDAUTH logins. */
    public Map<String, String> entraTokens = new LinkedHashMap<>();
    public List<Database> databases = new ArrayList<>();
    public List<Endpoint> endpoints = new ArrayList<>();
    public List<AvailabilityGroup> availabilityGroups = new ArrayList<>();
    /** The WSFC this node belongs to; null = not a cluster node (sys.dm_hadr_cluster is empty). */
    public Cluster cluster;
    /** Managed Instance only: the Service Fabric values the network test reads. */
    public Fabric fabric;
    public FaultSpec faults;

    /** A deep copy: the mutable state of one engine. */
    public Scenario copy() {
        return ScenarioMapper.copy(this);
    }

    /** Parses a scenario file (no {@code base} resolution against files; use {@link Scenarios} for that). */
    public static Scenario fromYaml(Path file) {
        try {
            return Scenarios.resolve(ScenarioMapper.readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenario " + file, e);
        }
    }

    /**
     * Binds an already-parsed scenario tree (e.g. the {@code sqlServer:} part of an Azure scenario), resolving
     * {@code base} against the shipped scenarios and filling defaults like {@link #fromYaml}.
     */
    public static Scenario fromTree(JsonNode tree, String source) {
        return Scenarios.resolve(tree, source);
    }

    /** The database with this name (case-insensitive, as SQL Server's default collation compares), or null. */
    public Database database(String dbName) {
        for (Database d : databases) {
            if (d.name.equalsIgnoreCase(dbName)) {
                return d;
            }
        }
        return null;
    }

    public Database database(int id) {
        for (Database d : databases) {
            if (d.id == id) {
                return d;
            }
        }
        return null;
    }

    public Login login(String loginName) {
        for (Login l : logins) {
            if (l.name.equalsIgnoreCase(loginName)) {
                return l;
            }
        }
        return null;
    }

    /** Major version number, e.g. 15 for 15.0.4261.1. */
    @JsonIgnore
    public int majorVersion() {
        return Integer.parseInt(server.productVersion.substring(0, server.productVersion.indexOf('.')));
    }

    @JsonIgnore
    public boolean isManagedInstance() {
        return server.engineEdition == 8;
    }

    @JsonIgnore
    public boolean isLinux() {
        return "Linux".equalsIgnoreCase(host.platform);
    }

    /** The {@code faults:} section as the engine seam's {@link Faults}; {@link Faults#NONE} when absent. */
    public Faults toFaults() {
        if (faults == null) {
            return Faults.NONE;
        }
        List<Faults.StatementError> errors = new ArrayList<>();
        for (StatementErrorSpec e : faults.statementErrors) {
            errors.add(new Faults.StatementError(Pattern.compile(e.pattern, Pattern.CASE_INSENSITIVE), e.number,
                    e.severity, e.message, e.times));
        }
        return new Faults(Duration.ofMillis(faults.roundTripLatencyMs), Duration.ofMillis(faults.loginDelayMs),
                faults.dropAfterRequests, List.copyOf(errors));
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + server.productVersion + " " + server.edition + "]";
    }

    /** SERVERPROPERTY values and instance identity. */
    public static final class Server {
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
        public long physicalMemoryKb = 33_554_432L;
        public int processId = 4242;
        /** Root of the instance's files, e.g. {@code C:\Program Files\Microsoft SQL Server\MSSQL15.MSSQLSERVER\MSSQL}. */
        public String dataRoot;
        public int tcpPort = 1433;

        @JsonIgnore
        public String instanceId(int major) {
            return "MSSQL" + major + "." + (instanceName == null ? "MSSQLSERVER" : instanceName.toUpperCase(Locale.ROOT));
        }
    }

    /** sys.dm_os_host_info / sys.dm_os_windows_info. */
    public static final class Host {
        public String platform = "Windows";
        public String distribution = "Windows Server 2019 Datacenter";
        public String release = "10.0";
        public String servicePackLevel = "";
        public Integer sku = 8;
        public int languageVersion = 1033;
        /** Windows build number or Linux distribution label shown in @@VERSION. */
        public String build = "17763";
    }

    /** SQL Server Agent: service state and msdb jobs. */
    public static final class Agent {
        public String status = "Running";
        public String startupType = "Automatic";
        public String serviceAccount;
        public List<Job> jobs = new ArrayList<>();

        @JsonIgnore
        public boolean running() {
            return "Running".equalsIgnoreCase(status);
        }
    }

    /** Trace flags: {@code startup} are persisted (registry -T or mssql.conf) and so also running. */
    public static final class TraceFlags {
        public List<Integer> running = new ArrayList<>();
        public List<Integer> startup = new ArrayList<>();
    }

    /** An extra sys.dm_server_registry row. */
    public static final class RegistryValue {
        public String key;
        public String name;
        public String data;
    }

    /** A line of the current error log (xp_readerrorlog). */
    public static final class ErrorLogLine {
        public String date;
        public String process = "Server";
        public String text;
    }

    /** What path checks (BACKUP TO DISK, xp_fileexist, sys.dm_os_file_exists) can see. */
    public static final class FileSystem {
        public List<String> directories = new ArrayList<>();
        public List<String> files = new ArrayList<>();
    }

    /** A server login. The password is never printed. */
    public static final class Login {
        public String name;
        public String password;
        /** SQL_LOGIN, WINDOWS_LOGIN or WINDOWS_GROUP; derived from the name when absent. */
        public String type;
        public List<String> serverRoles = new ArrayList<>();
        /** Server permissions granted, e.g. VIEW SERVER STATE. */
        public List<String> permissions = new ArrayList<>();
        public boolean disabled;
        public String defaultDatabase = "master";
        /** Logins that can't log in (e.g. NT AUTHORITY\SYSTEM) only own permissions. */
        public boolean canLogin = true;

        @Override
        public String toString() {
            return "Login[" + name + "]";
        }
    }

    /** A database and its per-database catalog. */
    public static final class Database {
        public String name;
        public int id;
        public String state = "ONLINE";
        public String recovery;
        public boolean readOnly;
        public String userAccess = "MULTI_USER";
        public boolean autoClose;
        public Integer compatibilityLevel;
        public String collation;
        public boolean brokerEnabled;
        public boolean acceleratedDatabaseRecovery;
        /** TDE: the encrypting certificate's name in master, null = not encrypted. */
        public String tdeCertificate;
        public String availabilityGroup;
        public String owner = "sa";
        public String createDate = "2023-03-01T09:00:00";
        public boolean published;
        public boolean subscribed;
        public boolean mergePublished;
        public boolean distributor;
        public boolean cdcEnabled;
        public boolean trustworthy;
        public String containment = "NONE";
        public String pageVerify = "CHECKSUM";
        public boolean snapshotIsolation;
        public boolean readCommittedSnapshot;
        public String guid;
        public boolean masterKey;
        public double logUsedPercent = 12.5;
        public List<DbFile> files = new ArrayList<>();
        public List<Filegroup> filegroups = new ArrayList<>();
        public List<Table> tables = new ArrayList<>();
        public List<Certificate> certificates = new ArrayList<>();
        public List<Backup> backups = new ArrayList<>();
        /** Runtime: the log chain's last LSN (null = no log chain). Derived from backups at load. */
        public String lastLogBackupLsn;
        /** Runtime: next LSN to hand out. */
        public long nextLsn;
        /** Log shipping primary configuration, if any. */
        public boolean logShippingPrimary;

        @JsonIgnore
        public boolean isSystem() {
            return id <= 4;
        }

        @JsonIgnore
        public boolean online() {
            return "ONLINE".equalsIgnoreCase(state);
        }

        @Override
        public String toString() {
            return "Database[" + name + "]";
        }
    }

    /** A database file (sys.database_files / sys.master_files). */
    public static final class DbFile {
        public int fileId;
        public String name;
        /** ROWS, LOG, FILESTREAM or FULLTEXT. */
        public String type = "ROWS";
        public String filegroup;
        public String physicalName;
        public long sizeMb = 64;
    }

    /** A filegroup; type FG (rows), FD (FILESTREAM) or FX (memory-optimized). */
    public static final class Filegroup {
        public String name;
        public String type = "FG";
        public boolean isDefault;
    }

    /** A user table, only as far as sys.tables shows it. */
    public static final class Table {
        public String name;
        public String schema = "dbo";
        public boolean filetable;
        public boolean memoryOptimized;
    }

    /** A certificate in a database (sys.certificates). */
    public static final class Certificate {
        public String name;
        public int id;
        public String subject;
        public String issuer;
        public String startDate;
        public String expiryDate;
        /** MK, NA, PW or SK. */
        public String privateKey = "MK";
        /** Hex of the DER public blob (what CERTENCODED returns); generated when absent. */
        public String blob;
        public String serialNumber;
        public String privateKeyLastBackup;
        /** Patterns registered with sp_certificate_add_issuer. */
        public List<String> issuerFor = new ArrayList<>();
    }

    /** A row of msdb.dbo.backupset and its media; LSNs are computed by the engine. */
    public static final class Backup {
        /** D (full), I (differential), L (log). */
        public String type = "D";
        public boolean copyOnly;
        public String start;
        public String finish;
        public String device;
        public boolean checksum = true;
        public boolean compressed;
        public long sizeBytes;
        public long compressedSizeBytes;
        public String firstLsn;
        public String lastLsn;
        public String checkpointLsn;
        public String databaseBackupLsn;
        public String recoveryModel;
        public int backupSetId;
        public int mediaSetId;
        public int position = 1;
    }

    /** A database mirroring endpoint. */
    public static final class Endpoint {
        public String name;
        public int id;
        public int port = 5022;
        public String ipAddress;
        /** STARTED, STOPPED, DISABLED. */
        public String state = "STARTED";
        /** ALL, PARTNER, WITNESS, NONE. */
        public String role = "ALL";
        /** e.g. CERTIFICATE, NEGOTIATE, "NEGOTIATE, CERTIFICATE". */
        public String authentication = "CERTIFICATE";
        public String certificate;
        /** REQUIRED, SUPPORTED, DISABLED. */
        public String encryption = "REQUIRED";
        /** e.g. AES, RC4, "AES, RC4". */
        public String algorithm = "AES";
    }

    /** An availability group (or distributed AG) this instance hosts. */
    public static final class AvailabilityGroup {
        public String name;
        public String groupId;
        public boolean distributed;
        /** WSFC, EXTERNAL, NONE (2017+). */
        public String clusterType = "NONE";
        public List<Replica> replicas = new ArrayList<>();
        public List<String> databases = new ArrayList<>();
    }

    /** A replica of an availability group. */
    public static final class Replica {
        public String server;
        public String replicaId;
        public String endpointUrl;
        public String role = "PRIMARY";
        public String availabilityMode = "SYNCHRONOUS_COMMIT";
        public String failoverMode = "MANUAL";
        public String seedingMode = "AUTOMATIC";
        public String connectedState = "CONNECTED";
        public String synchronizationHealth = "HEALTHY";
    }

    /** sys.dm_hadr_cluster. */
    public static final class Cluster {
        public String name;
        public String quorumType = "NODE_MAJORITY";
        public String quorumState = "NORMAL_QUORUM";
    }

    /** Service Fabric view of a Managed Instance (sys.dm_hadr_fabric_*). */
    public static final class Fabric {
        public String dnsRecordName;
        public String clusterName;
        public int hadrPort = 11002;
        public String instanceName;
        public String primaryNode = "DB123";
        public List<String> secondaryNodes = new ArrayList<>();
        public String serviceName;
        public String partitionId;

        /** Every node of the instance, the primary first (the order sys.dm_hadr_fabric_* list them in). */
        public List<String> nodes() {
            List<String> nodes = new ArrayList<>();
            nodes.add(primaryNode);
            nodes.addAll(secondaryNodes);
            return nodes;
        }
    }

    /** An msdb Agent job as a scenario may pre-create it. */
    public static final class Job {
        public String name;
        public String owner = "sa";
        public boolean enabled = true;
        public List<JobStep> steps = new ArrayList<>();
    }

    /** A job step. */
    public static final class JobStep {
        public String name;
        public String subsystem = "TSQL";
        public String command;
        public String database = "master";
        public int onSuccessAction = 1;
        public int onFailAction = 2;
        public int flags;
    }

    /** The {@code faults:} section (statement errors and protocol-level faults). */
    public static final class FaultSpec {
        public long roundTripLatencyMs;
        public long loginDelayMs;
        public int dropAfterRequests;
        public List<StatementErrorSpec> statementErrors = new ArrayList<>();
    }

    /** One injected statement error. */
    public static final class StatementErrorSpec {
        public String pattern;
        public int number;
        public int severity = 16;
        public String message;
        public int times = -1;
    }
}
