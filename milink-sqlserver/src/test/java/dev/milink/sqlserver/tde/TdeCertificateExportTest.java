// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.tde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlError;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export through the real mssql-jdbc driver against the sandbox, whose TDE protectors have real key material
 * and whose CERTPRIVATEKEY returns PVK as SQL Server does: the certificate and key read and paired, the PFX opens;
 * a login without CONTROL, a certificate without private key and a missing certificate end in TDE_EXPORT_FAILED
 * saying why; the random password is never in the message.
 */
class TdeCertificateExportTest {

    private static SandboxServer sandbox;
    private static CatalogEngine engine;

    static Scenario tdeScenario() {
        Scenario s = Scenarios.load("prepared-2022").copy();
        Scenario.Database master = s.database("master");
        master.certificates.add(certificate("TDE_Cert", 300, "MK"));
        master.certificates.add(certificate("TDE_NoKey", 301, "NA"));
        s.database("SalesDB").tdeCertificate = "TDE_Cert";
        s.database("Inventory").tdeCertificate = "TDE_NoKey";
        Scenario.Login reader = new Scenario.Login();
        reader.name = "reader";
        reader.password = "Sandbox#Reader1";
        reader.permissions = new java.util.ArrayList<>(List.of("VIEW SERVER STATE"));
        s.logins.add(reader);
        return s;
    }

    private static Certificate certificate(String name, int id, String privateKey) {
        Certificate c = new Certificate();
        c.name = name;
        c.id = id;
        c.subject = name + " protects a database encryption key";
        c.issuer = c.subject;
        c.startDate = "2024-01-01T00:00:00";
        c.expiryDate = "2034-01-01T00:00:00";
        c.privateKey = privateKey;
        return c;
    }

    @BeforeAll
    static void start() throws Exception {
        engine = CatalogEngine.create(tdeScenario());
        sandbox = SandboxServer.start(InstanceDef.of("sql", engine));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Connection connect(String user, String password) {
        SandboxInstance s = sandbox.instance("sql");
        return SqlConnector.open(ConnectionSettings.of(new SqlTarget(s.host(), s.port(), null),
                new Authentication.SqlLogin(user, Secret.of(password))).withEncrypt(false));
    }

    private static String thumbprint(String certificate) {
        Certificate c = engine.state().scenario().database("master").certificates.stream()
                .filter(x -> x.name.equals(certificate)).findFirst().orElseThrow();
        return TdeCertificateExport.thumbprint(java.util.HexFormat.of().parseHex(c.blob));
    }

    @Test
    void readsTheCertificateWithItsKeyAndThePfxOpens() throws Exception {
        try (Connection c = connect("sa", "Sandbox#2022sa")) {
            TdeCertificateExport.Exported tde = TdeCertificateExport.read(c, "TDE_Cert", "0x" + thumbprint("TDE_Cert"));
            assertThat(tde.thumbprint()).isEqualTo(thumbprint("TDE_Cert"));
            assertThat(tde.certificate().getSubjectX500Principal().getName())
                    .isEqualTo("CN=TDE_Cert protects a database encryption key");
            byte[] pfx = tde.toPfx("Pfx#Pass1".toCharArray());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pfx), "Pfx#Pass1".toCharArray());
            assertThat((X509Certificate) ks.getCertificate(Pfx.ALIAS)).isEqualTo(tde.certificate());
            assertThat(ks.getKey(Pfx.ALIAS, "Pfx#Pass1".toCharArray()).getEncoded())
                    .isEqualTo(tde.key().getEncoded());
        }
    }

    @Test
    void aLoginWithoutControlGetsNoKey() throws Exception {
        try (Connection c = connect("reader", "Sandbox#Reader1")) {
            assertThatThrownBy(() -> TdeCertificateExport.read(c, "TDE_Cert", null))
                    .isInstanceOfSatisfying(MilinkException.class,
                            e -> assertThat(e.code()).isEqualTo(SqlError.TDE_EXPORT_FAILED))
                    .hasMessageContaining("Cannot export TDE certificate 'TDE_Cert' with its private key: SQL Server "
                            + "returned no private key (CERTPRIVATEKEY is NULL): the login lacks CONTROL");
        }
    }

    @Test
    void aCertificateWithoutPrivateKeyOrNoCertificateAtAllIsNamed() throws Exception {
        try (Connection c = connect("sa", "Sandbox#2022sa")) {
            assertThatThrownBy(() -> TdeCertificateExport.read(c, "TDE_NoKey", null))
                    .hasMessageContaining("'TDE_NoKey'").hasMessageContaining("CERTPRIVATEKEY is NULL");
            assertThatThrownBy(() -> TdeCertificateExport.read(c, "No]Such'Cert", null))
                    .hasMessageContaining("there is no such certificate in master");
            assertThatThrownBy(() -> TdeCertificateExport.read(c, "TDE_Cert", "0x00112233"))
                    .hasMessageContaining("its thumbprint is now 0x" + thumbprint("TDE_Cert"));
        }
    }

    @Test
    void aServerWithoutCertPrivateKeySaysSo() throws Exception {
        sandbox.instance("sql").setFaults(new dev.milink.sandbox.engine.Faults(java.time.Duration.ZERO,
                java.time.Duration.ZERO, 0, List.of(new dev.milink.sandbox.engine.Faults.StatementError(
                        java.util.regex.Pattern.compile("CERTPRIVATEKEY"), 195, 15,
                        "'CERTPRIVATEKEY' is not a recognized built-in function name.", 1))));
        try (Connection c = connect("sa", "Sandbox#2022sa")) {
            assertThatThrownBy(() -> TdeCertificateExport.read(c, "TDE_Cert", null))
                    .hasMessage("Cannot export TDE certificate 'TDE_Cert' with its private key: SQL Server error 195: "
                            + "'CERTPRIVATEKEY' is not a recognized built-in function name. (CERTENCODED and "
                            + "CERTPRIVATEKEY need SQL Server 2012 or later; use the manual steps).");
        } finally {
            sandbox.instance("sql").setFaults(dev.milink.sandbox.engine.Faults.NONE);
        }
    }

    @Test
    void randomPasswordsMixEveryClassAndDiffer() {
        char[] a = TdeCertificateExport.randomPassword(32);
        char[] b = TdeCertificateExport.randomPassword(32);
        assertThat(new String(a)).hasSize(32).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*")
                .matches(".*[-_.~+=].*").isNotEqualTo(new String(b));
    }
}
