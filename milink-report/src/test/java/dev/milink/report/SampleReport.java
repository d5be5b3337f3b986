// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed, hand-built report for golden files: every status, a non-blocking FAIL, database names with {@code ]},
 * {@code '} and non-Latin letters, multi-line scripts, a secret placeholder, a restart, notes. Built directly
 * (not through checks) so it does not change when the catalog does.
 */
final class SampleReport {

    static final String INSTANCE = "sql01.contoso.local";
    static final Instant CREATED = Instant.parse("2026-11-26T09:30:00Z");

    private SampleReport() {
    }

    static AssessmentReport notReady() {
        List<Finding> f = new ArrayList<>();
        Target server = Target.instance(INSTANCE);

        f.add(finding("MIL-V2", "SQL Server 2022 is at the link's minimum build", Area.VERSION, Status.PASS,
                Severity.BLOCKER, server, "SQL Server 2022 CU14 (16.0.4135.4) meets the minimum build.",
                Evidence.of("16.0.4135.4 (RTM-CU14)", "16.0.1000.6 (RTM) or later"), Remediation.NONE));
        f.add(finding("MIL-V3", "SQL Server 2022 is at CU10 or later for links from MI", Area.VERSION,
                Status.SKIPPED, Severity.BLOCKER, server,
                "Does not apply to links in the SQL Server → MI direction.", Evidence.NONE, Remediation.NONE));
        f.add(finding("MIL-V9", "Edition supports the link", Area.VERSION, Status.PASS, Severity.BLOCKER, server,
                "Enterprise Edition supports the link.", Evidence.of("Enterprise Edition: Core-based Licensing (64-bit)",
                        "Enterprise, Standard or Developer"), Remediation.NONE));

        f.add(finding("MIL-I2", "Database master key exists in master", Area.INSTANCE, Status.FAIL,
                Severity.BLOCKER, server, "master has no database master key; it protects the endpoint certificate.",
                Evidence.of("no ##MS_DatabaseMasterKey## in master.sys.symmetric_keys", "a database master key"),
                new Remediation("Create a database master key in master with a strong password kept in your vault.",
                        List.of(new FixStep("MIL-I2/" + INSTANCE + "/create-dmk", "Create the database master key in master",
                                Phase.INSTANCE, 10, false, true, List.of(new Script(ScriptKind.TSQL, """
                                        USE master;
                                        IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE symmetric_key_id = 101)
                                            CREATE MASTER KEY ENCRYPTION BY PASSWORD = N'$(MILINK_DMK_PASSWORD)';
                                        """)), Optional.of("MILINK_DMK_PASSWORD"))))));
        f.add(finding("MIL-I3", "Always On availability groups are enabled", Area.INSTANCE, Status.FAIL,
                Severity.BLOCKER, server, "Always On availability groups are not enabled on this instance.",
                Evidence.of("IsHadrEnabled = 0", "IsHadrEnabled = 1"),
                new Remediation("Enable the Always On availability groups feature, then restart the SQL Server service.",
                        List.of(new FixStep("MIL-I3/" + INSTANCE + "/enable-hadr", "Enable Always On availability groups on MSSQLSERVER",
                                Phase.HOST, 10, true, false, List.of(
                                new Script(ScriptKind.WINDOWS_POWERSHELL, """
                                        # Run as administrator on the SQL Server host.
                                        Import-Module SqlServer
                                        Enable-SqlAlwaysOn -ServerInstance 'SQL01' -Force
                                        """),
                                new Script(ScriptKind.LINUX_SHELL, """
                                        sudo /opt/mssql/bin/mssql-conf set hadr.hadrenabled 1
                                        sudo systemctl restart mssql-server
                                        """)), Optional.empty())))));
        f.add(finding("MIL-I5", "Trace flag 1800 is a startup parameter", Area.INSTANCE, Status.WARN,
                Severity.WARNING, server, "Trace flag 1800 is on now but is not a startup parameter, so it will be "
                        + "off after the next restart and log blocks may be written with mixed sector sizes.",
                Evidence.of("running: 1800 on; startup parameters: -dC:\\Program Files\\Microsoft SQL Server\\"
                        + "MSSQL16.MSSQLSERVER\\MSSQL\\DATA\\master.mdf;-eC:\\Program Files\\Microsoft SQL Server\\"
                        + "MSSQL16.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG", "-T1800 among the startup parameters"),
                new Remediation("Add -T1800 to the startup parameters; it takes effect at the next restart.",
                        List.of(new FixStep("MIL-I5/" + INSTANCE + "/startup-tf1800", "Add -T1800 to the startup parameters",
                                Phase.HOST, 20, true, false, List.of(
                                new Script(ScriptKind.CONFIGURATION_MANAGER, """
                                        1. Open SQL Server Configuration Manager.
                                        2. SQL Server Services → SQL Server (MSSQLSERVER) → Properties → Startup Parameters.
                                        3. Add -T1800, click Add, then OK.
                                        """)), Optional.empty())))));
        f.add(finding("MIL-I6", "Trace flag 9567 is a startup parameter", Area.INSTANCE, Status.UNKNOWN,
                Severity.WARNING, server, "Startup parameters could not be read: VIEW SERVER STATE is needed for "
                        + "sys.dm_server_registry.", Evidence.NONE, Remediation.NONE));
        f.add(finding("MIL-I14", "SQL Server Agent is running", Area.INSTANCE, Status.SKIPPED, Severity.BLOCKER,
                server, "Only needed for the T-SQL network test, which was not requested.", Evidence.NONE,
                Remediation.NONE));

        f.add(finding("MIL-I9", "Endpoint certificate is valid for long enough", Area.CERTIFICATES, Status.WARN,
                Severity.WARNING, server, "The endpoint certificate expires in 20 days; the link stops when it does.",
                Evidence.of("MILink_SQL01 expires 2026-12-16", "expiry more than 30 days away"),
                new Remediation("Create a new certificate, exchange its public key with the managed instance, then "
                        + "switch the endpoint to it.", List.of(
                        new FixStep("MIL-I9/" + INSTANCE + "/rotate", "Create certificate MILink_SQL01_2027",
                                Phase.INSTANCE, 30, false, true, List.of(new Script(ScriptKind.TSQL, """
                                        USE master;
                                        CREATE CERTIFICATE [MILink_SQL01_2027]
                                            WITH SUBJECT = N'MI link endpoint', EXPIRY_DATE = '2027-12-31';
                                        """)), Optional.empty()),
                        new FixStep("MIL-I9/" + INSTANCE + "/upload", "Upload the public key to the managed instance",
                                Phase.INSTANCE, 31, false, false, List.of(new Script(ScriptKind.AZURE_CLI, """
                                        az sql mi partner-cert create -g rg-data --instance-name contoso-mi \\
                                          -n MILink_SQL01_2027 --public-blob 0x3082...
                                        """)), Optional.empty())))));

        String[] dbs = {"Sales", "Sales]Q1", "O'Brien's Ledger", "Продажи", "販売データ"};
        for (String db : dbs) {
            Target t = Target.database(INSTANCE, db);
            switch (db) {
                case "Sales]Q1" -> f.add(recoveryFail(t, "SIMPLE"));
                case "Продажи" -> f.add(recoveryFail(t, "BULK_LOGGED"));
                default -> f.add(finding("MIL-D6", "Database uses the FULL recovery model", Area.DATABASE,
                        Status.PASS, Severity.BLOCKER, t, "Recovery model is FULL.", Evidence.of("FULL", "FULL"),
                        Remediation.NONE));
            }
        }
        for (String db : dbs) {
            Target t = Target.database(INSTANCE, db);
            switch (db) {
                case "Sales]Q1" -> f.add(backupFail(t, "No full backup was taken after the switch to FULL recovery.",
                        Evidence.of("no full backup", "a full, non-COPY_ONLY backup")));
                case "O'Brien's Ledger" -> f.add(backupFail(t, "The only full backup is COPY_ONLY, which does not "
                        + "start the log chain (error 1475 when the link seeds).",
                        Evidence.of("COPY_ONLY full backup of 2026-11-20 02:00", "a full, non-COPY_ONLY backup")));
                case "Продажи" -> f.add(finding("MIL-D7", "A full backup starts the log chain", Area.DATABASE,
                        Status.UNKNOWN, Severity.BLOCKER, t, "Backup history could not be read: SELECT permission "
                                + "on msdb.dbo.backupset was denied.", Evidence.NONE, Remediation.NONE));
                default -> f.add(finding("MIL-D7", "A full backup starts the log chain", Area.DATABASE, Status.PASS,
                        Severity.BLOCKER, t, "Last full backup 2026-11-25 23:00 starts the log chain.",
                        Evidence.of("full backup 2026-11-25 23:00", "a full, non-COPY_ONLY backup"),
                        Remediation.NONE));
            }
        }
        f.add(finding("MIL-D16", "Accelerated database recovery is on where it is wanted", Area.DATABASE,
                Status.FAIL, Severity.WARNING, Target.database(INSTANCE, "Sales"),
                "Accelerated database recovery is off; it cannot be turned on on the managed instance later.",
                Evidence.of("is_accelerated_database_recovery_on = 0", "1, if ADR is wanted on the managed instance"),
                new Remediation("Turn on accelerated database recovery before creating the link.", List.of(
                        new FixStep("MIL-D16/[Sales]/adr-on", "Turn on accelerated database recovery for [Sales]",
                                Phase.DATABASE, 40, false, true, List.of(new Script(ScriptKind.TSQL,
                                "ALTER DATABASE [Sales] SET ACCELERATED_DATABASE_RECOVERY = ON;\n")),
                                Optional.empty())))));
        f.add(finding("MIL-D17", "Service Broker is enabled where it is used", Area.DATABASE, Status.WARN,
                Severity.WARNING, Target.database(INSTANCE, "販売データ"),
                "Service Broker is disabled; enable it now if the database will use it on the managed instance.",
                Evidence.of("is_broker_enabled = 0", "1, if Service Broker is used"),
                new Remediation("", List.of(new FixStep("MIL-D17/[販売データ]/broker",
                        "Enable Service Broker for [販売データ]", Phase.DATABASE, 50, false, true, List.of(
                        new Script(ScriptKind.TSQL, "ALTER DATABASE [販売データ] SET ENABLE_BROKER WITH ROLLBACK IMMEDIATE;\n")),
                        Optional.empty())))));
        f.add(finding("MIL-D14", "TDE certificate is on the managed instance", Area.DATABASE, Status.SKIPPED,
                Severity.BLOCKER, Target.database(INSTANCE, "Sales"), "The database is not encrypted with TDE.",
                Evidence.NONE, Remediation.NONE));
        f.add(finding("MIL-D14", "TDE certificate is on the managed instance", Area.DATABASE, Status.SKIPPED,
                Severity.BLOCKER, Target.database(INSTANCE, "O'Brien's Ledger"), "The database is not encrypted with TDE.",
                Evidence.NONE, Remediation.NONE));

        f.add(finding("MIL-N1", "SQL Server reaches the managed instance on 5022 and 11000-11999", Area.NETWORK,
                Status.SKIPPED, Severity.BLOCKER, server,
                "No managed instance was given (--mi), so there is no address to test.", Evidence.NONE,
                Remediation.NONE));

        return new AssessmentReport("0.1.0", CREATED, Direction.SQL_TO_MI, List.of(INSTANCE), f, List.of(
                "Build reference data is 132 days old (last updated 2026-07-17); newer cumulative updates may exist.",
                "Databases were limited to --database Sales,Sales]Q1,O'Brien's Ledger,Продажи,販売データ."));
    }

    static final String SECOND = "sql02.contoso.local";

    /**
     * Two instances for the fleet views (matrix, CSV, JUnit suites, SARIF): {@link #notReady()} plus a second
     * instance with the statuses that report needs less often: INFO, ERROR and SUPPRESSED, and names a
     * spreadsheet or a browser must not interpret ({@code =HYPERLINK(…)}, {@code <script>}, {@code "&}).
     */
    static AssessmentReport fleet() {
        AssessmentReport first = notReady();
        List<Finding> f = new ArrayList<>(first.findings());
        Target server = Target.instance(SECOND);
        f.add(finding("MIL-V2", "SQL Server 2022 is at the link's minimum build", Area.VERSION, Status.PASS,
                Severity.BLOCKER, server, "SQL Server 2022 CU16 (16.0.4165.4) meets the minimum build.",
                Evidence.of("16.0.4165.4 (RTM-CU16)", "16.0.1000.6 (RTM) or later"), Remediation.NONE));
        f.add(finding("MIL-V9", "Edition supports the link", Area.VERSION, Status.INFO, Severity.INFO, server,
                "Developer Edition supports the link but is licensed for test and development only.",
                Evidence.of("Developer Edition (64-bit)", "Enterprise, Standard or Developer"), Remediation.NONE));
        f.add(finding("MIL-I2", "Database master key exists in master", Area.INSTANCE, Status.PASS,
                Severity.BLOCKER, server, "master has a database master key.",
                Evidence.of("##MS_DatabaseMasterKey## in master", "a database master key"), Remediation.NONE));
        f.add(finding("MIL-I3", "Always On availability groups are enabled", Area.INSTANCE, Status.ERROR,
                Severity.BLOCKER, server, "The check failed: IllegalStateException: unexpected value 'n/a' for "
                        + "IsHadrEnabled (a bug in milink; please report it).", Evidence.NONE, Remediation.NONE));
        f.add(new Finding("MIL-I5", "Trace flag 1800 is a startup parameter", Area.INSTANCE, Status.WARN,
                Severity.WARNING, server, "Trace flag 1800 is not a startup parameter.",
                Evidence.of("startup parameters: -dC:\\SQL\\master.mdf", "-T1800 among the startup parameters"),
                Remediation.NONE).suppressed("Storage uses 512-byte sectors on both sides (CHG-4711, \"ops\" & <infra>)."));
        for (String db : new String[] {"=HYPERLINK(\"http://x\")", "<script>alert(1)</script>"}) {
            Target t = Target.database(SECOND, db);
            f.add(finding("MIL-D6", "Database uses the FULL recovery model", Area.DATABASE, Status.PASS,
                    Severity.BLOCKER, t, "Recovery model is FULL.", Evidence.of("FULL", "FULL"), Remediation.NONE));
            f.add(finding("MIL-D7", "A full backup starts the log chain", Area.DATABASE, Status.PASS,
                    Severity.BLOCKER, t, "Last full backup 2026-11-25 22:00 starts the log chain.",
                    Evidence.of("full backup 2026-11-25 22:00", "a full, non-COPY_ONLY backup"), Remediation.NONE));
        }
        f.add(finding("MIL-N1", "SQL Server reaches the managed instance on 5022 and 11000-11999", Area.NETWORK,
                Status.SKIPPED, Severity.BLOCKER, server,
                "No managed instance was given (--mi), so there is no address to test.", Evidence.NONE,
                Remediation.NONE));
        List<String> notes = new ArrayList<>(first.notes());
        notes.add("sql02.contoso.local: MIL-I5 suppressed by milink.yaml.");
        return new AssessmentReport("0.1.0", CREATED, Direction.SQL_TO_MI, List.of(INSTANCE, SECOND), f, notes);
    }

    /** Fixed metadata for the sample's checks (SARIF rules), so golden files do not follow catalog edits. */
    static Optional<CheckMetadata> metadata(String id) {
        return switch (id) {
            case "MIL-I2" -> Optional.of(new CheckMetadata("MIL-I2", "Database master key exists in master",
                    Area.INSTANCE, Scope.INSTANCE, Severity.BLOCKER, Set.of(Direction.values()),
                    "The endpoint certificate's private key is protected by the database master key in master.",
                    "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-preparation",
                    List.of("I2"), "0.1", true, List.of()));
            case "MIL-D6" -> Optional.of(new CheckMetadata("MIL-D6", "Database uses the FULL recovery model",
                    Area.DATABASE, Scope.DATABASE, Severity.BLOCKER, Set.of(Direction.SQL_TO_MI),
                    "The link replicates the transaction log, which needs the FULL recovery model.",
                    "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-preparation",
                    List.of("D6"), "0.1", true, List.of()));
            default -> Optional.empty();
        };
    }

    private static Finding recoveryFail(Target t, String model) {
        String q = "[" + t.database().replace("]", "]]") + "]";
        return finding("MIL-D6", "Database uses the FULL recovery model", Area.DATABASE, Status.FAIL,
                Severity.BLOCKER, t, "Recovery model is " + model + "; the link needs FULL.",
                Evidence.of(model, "FULL"),
                new Remediation("Switch to the FULL recovery model, then take a full backup to start the log chain.",
                        List.of(new FixStep("MIL-D6/" + q + "/recovery-full", "Set recovery model of " + q + " to FULL",
                                Phase.DATABASE, 10, false, true, List.of(new Script(ScriptKind.TSQL,
                                "ALTER DATABASE " + q + " SET RECOVERY FULL;\n")), Optional.empty()))));
    }

    private static Finding backupFail(Target t, String message, Evidence evidence) {
        String q = "[" + t.database().replace("]", "]]") + "]";
        String literal = "N'" + t.database().replace("'", "''") + "'";
        return finding("MIL-D7", "A full backup starts the log chain", Area.DATABASE, Status.FAIL, Severity.BLOCKER, t,
                message, evidence, new Remediation("Take a full backup (not COPY_ONLY) WITH CHECKSUM.", List.of(
                        new FixStep("MIL-D7/" + q + "/full-backup", "Take a full backup of " + q, Phase.DATABASE, 20,
                                false, true, List.of(new Script(ScriptKind.TSQL, """
                                        -- Database %s
                                        BACKUP DATABASE %s
                                            TO DISK = N'$(MILINK_BACKUP_DIR)\\milink-full.bak'
                                            WITH CHECKSUM, COMPRESSION, STATS = 10;
                                        """.formatted(literal, q))), Optional.empty()))));
    }

    private static Finding finding(String id, String title, Area area, Status status, Severity severity,
                                   Target target, String message, Evidence evidence, Remediation remediation) {
        return new Finding(id, title, area, status, severity, target, message, evidence, remediation);
    }
}
