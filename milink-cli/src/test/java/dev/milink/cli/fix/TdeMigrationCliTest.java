// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sandbox.arm.ArmFault;
import dev.milink.sandbox.arm.ArmRequestLog;
import dev.milink.sandbox.arm.AzureScenario;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MIL-D14's migration through {@code milink fix}: the real mssql-jdbc driver reads the TDE certificate and its
 * private key from the sandbox (CERTENCODED, CERTPRIVATEKEY as PVK), milink builds the PFX and the real azure-core
 * pipeline posts it to the ARM stand-in, which opens it and records what it holds. A dry run changes nothing; no
 * secret (the PFX, its password) reaches stdout, stderr or the log file; a certificate without private key stops
 * the step with the reason; --tde-pfx-out keeps a copy whose password comes from the environment only.
 */
class TdeMigrationCliTest {

    @TempDir
    Path dir;

    /** prepared-2022 with SalesDB encrypted by TDE_Cert (real key material made by the sandbox). */
    static AzureScenario scenario(String privateKey) {
        AzureScenario s = AzureScenarios.fromYamlText("name: tde\nbase: prepared-2022\n", "tde");
        // the resolved SQL scenario may be the shared template of prepared-2022: change a copy
        Scenario sql = s.sqlScenario.copy();
        s.sqlScenario = sql;
        Certificate c = new Certificate();
        c.name = "TDE_Cert";
        c.id = 300;
        c.subject = "TDE protector for SalesDB";
        c.issuer = c.subject;
        c.startDate = "2024-01-01T00:00:00";
        c.expiryDate = "2034-01-01T00:00:00";
        c.privateKey = privateKey;
        sql.database("master").certificates.add(c);
        sql.database("SalesDB").tdeCertificate = "TDE_Cert";
        return s;
    }

    private static Map<String, String> env(SandboxEstate estate) {
        Map<String, String> env = new HashMap<>();
        env.put("MILINK_ARM_ENDPOINT", estate.arm().baseUrl());
        env.put("MILINK_ARM_TRUSTSTORE", estate.arm().trustStore().toString());
        env.put("MILINK_ARM_TRUSTSTORE_PASSWORD", estate.arm().trustStorePassword());
        env.put("AZURE_TENANT_ID", estate.arm().tenantId());
        env.put("AZURE_CLIENT_ID", estate.arm().clientId());
        env.put("AZURE_CLIENT_SECRET", estate.arm().clientSecret());
        env.put("MILINK_SQL_PASSWORD", "Sandbox#2022sa");
        return env;
    }

    private static String[] fix(SandboxEstate estate, String... more) {
        List<String> args = new ArrayList<>(List.of("fix", estate.sql().host() + "," + estate.sql().port(),
                "--user", "sa", "--trust-server-certificate", "--mi", estate.arm().managedInstanceId(),
                "--azure-auth", "service-principal", "--sql-address", "10.20.0.4"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Environment.of(env), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String thumbprint(SandboxEstate estate) throws Exception {
        Certificate c = estate.sqlEngine().state().scenario().database("master").certificates.stream()
                .filter(x -> x.name.equals("TDE_Cert")).findFirst().orElseThrow();
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(HexFormat.of().parseHex(c.blob)));
    }

    private static List<ArmRequestLog.Entry> uploads(SandboxEstate estate) {
        return estate.arm().requestLog().entries().stream().filter(e -> e.method().equals("POST")
                && e.path().endsWith("/tdeCertificates")).toList();
    }

    @Test
    void dryRunPlansTheUploadAndChangesNothing() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(scenario("MK"))) {
            Run r = run(env(estate), fix(estate, "--script-dir", dir.toString()));
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).contains("[ARM]", "Upload TDE certificate 'TDE_Cert' with its private key",
                    "Dry run: nothing was changed.");
            assertThat(uploads(estate)).isEmpty();
            assertThat(estate.arm().state().ids()).noneMatch(id -> id.contains("/tdeCertificates/"));
            String request = Files.readString(Files.list(dir).filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> readUnchecked(p).contains("tdeCertificates")).findFirst().orElseThrow());
            assertThat(request).contains("\"privateBlobFrom\"", "\"certificate\": \"TDE_Cert\"",
                    "<generated at apply time>");
        }
    }

    private static String readUnchecked(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void applyUploadsThePfxWithTheMatchingThumbprintAndNoSecretLeaks() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(scenario("MK"))) {
            Path log = dir.resolve("milink.log");
            Run r = run(env(estate), fix(estate, "--apply", "--yes", "--debug", "--log-file", log.toString()));
            String thumbprint = thumbprint(estate);
            assertThat(r.out()).as(r.toString()).contains("milink uploaded TDE certificate 'TDE_Cert' (thumbprint 0x"
                    + thumbprint + ", subject CN=TDE protector for SalesDB) to the managed instance in this run",
                    "MIL-D14 stays UNKNOWN", "need no second run");
            // D14 stays UNKNOWN (a blocker nobody can read back): incomplete, not ready, never a claimed pass
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);

            ObjectNode stored = estate.arm().state().get(estate.arm().managedInstanceId() + "/tdeCertificates/"
                    + thumbprint);
            assertThat(stored).as(estate.arm().state().ids().toString()).isNotNull();
            assertThat(stored.path("properties").path("subject").asText()).isEqualTo("CN=TDE protector for SalesDB");

            assertThat(uploads(estate)).hasSize(1);
            // the password is random and the stand-in's log redacts it: no PFX-sized base64 and no filled-in
            // password anywhere milink wrote (the --tde-pfx-out test checks the known secrets byte for byte)
            String logText = Files.readString(log);
            for (String text : List.of(r.all(), logText)) {
                assertThat(text).doesNotContainPattern("[A-Za-z0-9+/]{200,}")
                        .doesNotContainPattern("certPassword\"\\s*:\\s*\"(?!<generated at apply time>)");
            }
        }
    }

    @Test
    void aCertificateWithoutPrivateKeyStopsTheStepWithTheReason() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(scenario("NA"))) {
            Run r = run(env(estate), fix(estate, "--apply", "--yes"));
            assertThat(r.exit()).as(r.toString()).isEqualTo(4);
            assertThat(r.out()).contains("Cannot export TDE certificate 'TDE_Cert' with its private key: SQL Server "
                    + "returned no private key (CERTPRIVATEKEY is NULL)");
            assertThat(uploads(estate)).isEmpty();
        }
    }

    @Test
    void tdePfxOutKeepsAnOwnerOnlyCopyWithThePasswordFromTheEnvironment() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(scenario("MK"))) {
            Path safe = dir.resolve("safe");
            Map<String, String> env = env(estate);
            Run refused = run(env, fix(estate, "--apply", "--yes", "--tde-pfx-out", safe.toString()));
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("MILINK_TDE_PFX_PASSWORD", "Nothing was changed.");
            assertThat(uploads(estate)).isEmpty();

            String password = "Pfx#" + UUID.randomUUID();
            env.put("MILINK_TDE_PFX_PASSWORD", password);
            Path log = dir.resolve("milink.log");
            Run r = run(env, fix(estate, "--apply", "--yes", "--tde-pfx-out", safe.toString(), "--debug",
                    "--log-file", log.toString()));
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            String thumbprint = thumbprint(estate);
            Path copy = safe.resolve("TDE_Cert-" + thumbprint.substring(0, 8).toLowerCase() + ".pfx");
            assertThat(r.out()).contains("a copy is in " + copy.toAbsolutePath());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Files.readAllBytes(copy)), password.toCharArray());
            assertThat(ks.size()).isEqualTo(1);
            assertThat(estate.arm().state().get(estate.arm().managedInstanceId() + "/tdeCertificates/" + thumbprint))
                    .isNotNull();
            String pfx = Base64.getEncoder().encodeToString(Files.readAllBytes(copy));
            for (String secret : List.of(password, pfx.substring(0, 40), pfx.substring(pfx.length() - 40))) {
                assertThat(r.all()).doesNotContain(secret);
                assertThat(Files.readString(log)).doesNotContain(secret);
            }
        }
    }

    @Test
    void aRefusedUploadFailsTheStepAndTheRerunUploadsTheCopyKeptTheFirstTime() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(scenario("MK"))) {
            estate.arm().faults().add(ArmFault.forbidden("/tdeCertificates$",
                    "Microsoft.Sql/managedInstances/tdeCertificates/action").forMethod("POST").times(1));
            Path safe = dir.resolve("safe");
            String password = "Pfx#" + UUID.randomUUID();
            Map<String, String> env = env(estate);
            env.put("MILINK_TDE_PFX_PASSWORD", password);
            Run refused = run(env, fix(estate, "--apply", "--yes", "--tde-pfx-out", safe.toString()));
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(4);
            assertThat(refused.out()).contains("permission denied: the caller lacks the action "
                    + "Microsoft.Sql/managedInstances/tdeCertificates/action");
            String thumbprint = thumbprint(estate);
            assertThat(estate.arm().state().get(estate.arm().managedInstanceId() + "/tdeCertificates/" + thumbprint))
                    .isNull();
            Path copy = safe.resolve("TDE_Cert-" + thumbprint.substring(0, 8).toLowerCase() + ".pfx");
            byte[] kept = Files.readAllBytes(copy);

            Run again = run(env, fix(estate, "--apply", "--yes", "--tde-pfx-out", safe.toString()));
            assertThat(again.exit()).as(again.toString()).isEqualTo(5);
            assertThat(again.out()).contains("the copy kept by an earlier run is " + copy.toAbsolutePath());
            assertThat(Files.readAllBytes(copy)).isEqualTo(kept);
            assertThat(estate.arm().state().get(estate.arm().managedInstanceId() + "/tdeCertificates/" + thumbprint))
                    .isNotNull();
            String pfx = Base64.getEncoder().encodeToString(kept);
            for (String secret : List.of(password, pfx.substring(0, 40))) {
                assertThat(refused.all() + again.all()).doesNotContain(secret);
            }
        }
    }
}
