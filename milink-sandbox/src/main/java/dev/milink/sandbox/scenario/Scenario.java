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
import java.util.Map;
import java.util.function.Predicate;

/**
 * One simulated SQL Server instance, as a scenario YAML file describes it (format: {@code docs/sandbox.md}).
 *
 * <p>This is a plain document model: {@link Scenarios} parses and shares one instance per scenario name as a
 * template, and every engine works on its own {@link #copy()}, which the catalog engine then mutates
 * (ALTER DATABASE, BACKUP, CREATE CERTIFICATE …). Missing values get SQL Server-like defaults, filled in by
 * {@link ScenarioDefaults} when the scenario is loaded.
 *
 * <p>Each section of the YAML is a class of this package ({@link Server}, {@link Host}, {@link Agent},
 * {@link Endpoint}, {@link AvailabilityGroup}, {@link Certificate}, {@link Backup} …); to add a setting, add a
 * public field with its default there and, if it needs a derived default, a line in {@link ScenarioDefaults}.
 * {@link Login} and {@link Database} stay nested here because code outside the sandbox names them so.
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
    /** Registered servers and groups when this instance is a Central Management Server; null = none. */
    public CentralManagement centralManagement;

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
        return first(databases, d -> d.name.equalsIgnoreCase(dbName));
    }

    /** The database with this database_id, or null. */
    public Database database(int id) {
        return first(databases, d -> d.id == id);
    }

    /** The login with this name (case-insensitive), or null. */
    public Login login(String loginName) {
        return first(logins, l -> l.name.equalsIgnoreCase(loginName));
    }

    private static <T> T first(List<T> items, Predicate<T> match) {
        return items.stream().filter(match).findFirst().orElse(null);
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
        return faults == null ? Faults.NONE : faults.toFaults();
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + server.productVersion + " " + server.edition + "]";
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
}
