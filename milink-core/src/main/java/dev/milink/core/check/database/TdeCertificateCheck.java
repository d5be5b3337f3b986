// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.ArmRequest;
import dev.milink.core.check.azure.support.AzureSteps;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Encryption;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MIL-D14: the TDE protector of an encrypted database must be on the managed instance before the link. milink
 * names the protector certificate but cannot see the managed instance's TDE certificates (ARM has no read API for
 * them), so an encrypted database is UNKNOWN (blocker) with an unverifiable remediation, which {@code milink fix}
 * plans anyway: with the managed instance named, one appliable step that milink does itself (the certificate and its
 * private key read over T-SQL, a PFX built in Java, {@code POST tdeCertificates}); without it, the manual export,
 * conversion and upload scripts.
 */
public final class TdeCertificateCheck extends PerDatabaseCheck {

    /** Secret the export script and the upload scripts read the certificate password from. */
    static final String PASSWORD_VARIABLE = "MILINK_TDE_CERT_PASSWORD";

    /** The api-version of the tdeCertificates operation milink sends. */
    public static final String API_VERSION = "2025-01-01";

    /**
     * The top-level member of the upload step's ARM request naming the SQL Server certificate whose PFX milink
     * builds into the body at apply time: {@code {"certificate": NAME, "thumbprint": "0x…"}}.
     */
    public static final String PRIVATE_BLOB_FROM = ArmRequest.PRIVATE_BLOB_FROM;

    /** What the request shows in place of the PFX and its password until milink builds them at apply time. */
    public static final String PRIVATE_BLOB_PLACEHOLDER = "<built at apply time: PFX of the SQL Server certificate, "
            + "base64>";
    public static final String PASSWORD_PLACEHOLDER = "<generated at apply time>";

    public static final CheckMetadata META = Meta.of("D14", "TDE protector certificate is on the managed instance",
            Severity.BLOCKER, Meta.SQL_TO_MI, true, Meta.TDE_MIGRATE, """
                    The managed instance can only seed and restore a TDE-encrypted database if it holds the \
                    certificate that protects the database encryption key. Reads encryption_state, \
                    encryptor_type and encryptor_thumbprint from sys.dm_database_encryption_keys and finds the \
                    certificate in master by thumbprint. Azure Resource Manager can upload TDE certificates \
                    but has no API to list them, so an encrypted database stays UNKNOWN: a blocker until someone \
                    confirms the certificate in sys.certificates on the managed instance; milink fix plans the \
                    upload anyway. With the managed instance named (--mi), milink fix --apply does it itself: it \
                    reads the certificate and its private key over the SQL Server connection (CERTENCODED and \
                    CERTPRIVATEKEY, SQL Server 2012 and later, the key encrypted with a random password; needs \
                    CONTROL on the certificate, in practice sysadmin, and master's master key open), builds a \
                    PKCS#12 (PFX) file in memory and posts it to the tdeCertificates operation: no file on the \
                    server, no Windows tool. Without Azure credentials the steps are manual: export the \
                    certificate with its private key (BACKUP CERTIFICATE), convert it with pvk2pfx and upload it \
                    with Add-AzSqlManagedInstanceTransparentDataEncryptionCertificate or the tdeCertificates REST \
                    operation. Passwords come from the MILINK_TDE_CERT_PASSWORD variable and are never written \
                    into scripts. A database protected by an asymmetric key (EKM, e.g. \
                    Azure Key Vault) needs the managed instance to use the same key as its protector instead.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.encryption() instanceof Fact.Unknown<Encryption> u) {
            return finding.unknown(Why.unreadable(db, "the encryption state", u));
        }
        Encryption enc = db.encryption().orElse(Encryption.NONE);
        String expected = "not encrypted, or its protector uploaded to the managed instance";
        if (!enc.encrypted()) {
            return finding.pass(Why.quoted(db) + " is not encrypted with TDE.",
                    Evidence.of("encryption_state " + enc.encryptionState(), expected));
        }
        String thumbprint = normalize(enc.encryptorThumbprint());
        if (!"CERTIFICATE".equalsIgnoreCase(enc.encryptorType())) {
            return finding.unknown(Why.quoted(db) + " is encrypted with TDE and protected by an asymmetric key "
                            + "(thumbprint " + thumbprint + ", e.g. in Azure Key Vault through EKM); the managed "
                            + "instance must use the same key as its TDE protector (customer-managed key) before "
                            + "the link.",
                    Evidence.of("encryptor " + enc.encryptorType() + " " + thumbprint, expected),
                    new Remediation("Configure the managed instance's TDE protector with the same Azure Key "
                            + "Vault key.", List.of(Steps.step(META, db, "tde-key-on-mi", "Use the same TDE key "
                            + "on the managed instance").appliable(false)
                            .script(ScriptKind.MANUAL, "customer-managed-key.txt").build())));
        }
        if (facts.server().certificates() instanceof Fact.Unknown<List<Certificate>> u) {
            return finding.unknown(Why.quoted(db) + " is encrypted with TDE by the certificate with thumbprint "
                    + thumbprint + ", but the certificates in master could not be read: " + u.reason());
        }
        Optional<Certificate> cert = facts.server().certificates().orElse(List.of()).stream()
                .filter(c -> normalize(c.thumbprint()).equals(thumbprint)).findFirst();
        if (cert.isEmpty()) {
            return finding.unknown(Why.quoted(db) + " is encrypted with TDE by the certificate with thumbprint "
                    + thumbprint + ", which is not among the certificates read from master.");
        }
        Certificate c = cert.get();
        Evidence evidence = Evidence.of("encrypted (state " + enc.encryptionState() + ") by certificate '"
                + c.name() + "' (thumbprint " + thumbprint + ", expires " + c.expiryDate() + ")", expected);
        boolean miRead = facts.managedInstance().isPresent();
        return finding.unknown(Why.quoted(db) + " is encrypted with TDE by certificate '" + c.name() + "'. The "
                + "certificate must be uploaded to the managed instance before the link; "
                + (miRead ? "Azure Resource Manager does not list a managed instance's TDE certificates, so check "
                        + "for thumbprint 0x" + thumbprint + " in sys.certificates on the managed instance; milink fix "
                        + "--apply uploads it (its private key read over the SQL Server connection)."
                        : "milink cannot see the managed instance's TDE certificates."),
                evidence, facts.managedInstance() instanceof Input.Present<ManagedInstanceFacts> mi
                        ? migrate(db, c, facts, mi.value(), thumbprint)
                        : exportAndUpload(db, c, facts, context, thumbprint));
    }

    /** The appliable migration milink does itself, through the SQL Server connection and Azure Resource Manager. */
    private static Remediation migrate(DatabaseFacts db, Certificate c, Facts facts, ManagedInstanceFacts mi,
                                       String thumbprint) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("privateBlob", PRIVATE_BLOB_PLACEHOLDER);
        properties.put("certPassword", PASSWORD_PLACEHOLDER);
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("certificate", c.name());
        from.put("thumbprint", "0x" + thumbprint);
        var upload = AzureSteps.step(META.id(), facts, "upload-tde-certificate/" + thumbprint, "Upload TDE "
                        + "certificate '" + c.name() + "' with its private key to managed instance " + mi.name())
                .order(AzureSteps.ORDER_TDE).appliable(true)
                .value("certificate", c.name()).value("thumbprint", "0x" + thumbprint).value("mi", mi.name())
                .text(ScriptKind.ARM_REQUEST, ArmRequest.of("POST", mi.resourceId() + "/tdeCertificates?api-version="
                        + API_VERSION, Map.of("properties", properties), Map.of(PRIVATE_BLOB_FROM, from)))
                .template(ScriptKind.MANUAL, "upload-by-milink.txt").build();
        var verify = Steps.step(META, db, "verify-tde-certificate-on-mi", "Check whether the managed instance "
                        + "already has TDE certificate '" + c.name() + "'").order(Steps.ORDER_OTHER - 1)
                .appliable(false).value("certificate_name", c.name()).value("thumbprint", "0x" + thumbprint)
                .script(ScriptKind.MANUAL, "verify-on-mi.txt").build();
        return new Remediation("Upload certificate '" + c.name() + "' with its private key to the managed instance "
                + "(milink fix --apply does it through the SQL Server connection and Azure Resource Manager).",
                List.of(upload, verify), true);
    }

    private static Remediation exportAndUpload(DatabaseFacts db, Certificate c, Facts facts, CheckContext context,
                                               String thumbprint) {
        var verify = Steps.step(META, db, "verify-tde-certificate-on-mi", "Check whether the managed instance "
                        + "already has TDE certificate '" + c.name() + "'").order(Steps.ORDER_OTHER - 1)
                .appliable(false).value("certificate_name", c.name()).value("thumbprint", "0x" + thumbprint)
                .script(ScriptKind.MANUAL, "verify-on-mi.txt").build();
        String cer = BackupFiles.fileName(context, c.name(), "cer");
        String pvk = BackupFiles.fileName(context, c.name(), "pvk");
        String pfx = BackupFiles.fileName(context, c.name(), "pfx");
        var export = Steps.step(META, db, "export-tde-certificate", "Export TDE certificate '" + c.name()
                        + "' with its private key").order(Steps.ORDER_OTHER).appliable(false)
                .secret(PASSWORD_VARIABLE)
                .value("certificate", c.name())
                .value("cer_path", BackupFiles.path(context, facts.server().host(), c.name(), "cer"))
                .value("pvk_path", BackupFiles.path(context, facts.server().host(), c.name(), "pvk"))
                .script(ScriptKind.TSQL, "backup-certificate.sql").build();
        var convert = Steps.step(META, db, "convert-to-pfx", "Convert the exported certificate to .pfx")
                .order(Steps.ORDER_OTHER + 1).appliable(false).secret(PASSWORD_VARIABLE)
                .value("cer", cer).value("pvk", pvk).value("pfx", pfx)
                .script(ScriptKind.WINDOWS_POWERSHELL, "pvk2pfx.ps1").build();
        var upload = Steps.step(META, db, "upload-tde-certificate", "Upload the certificate to the managed instance")
                .order(Steps.ORDER_OTHER + 2).appliable(false).secret(PASSWORD_VARIABLE)
                .value("pfx", pfx)
                .script(ScriptKind.AZURE_POWERSHELL, "upload.ps1")
                .script(ScriptKind.AZURE_CLI, "upload-rest.sh").build();
        return new Remediation("Export certificate '" + c.name() + "' with its private key, convert it to .pfx and "
                + "upload it to the managed instance; keep the files and the password in a safe place.",
                List.of(verify, export, convert, upload), true);
    }

    /** Upper-case hex without a 0x prefix, as sys.certificates and the DMV may differ in form. */
    private static String normalize(String thumbprint) {
        if (thumbprint == null) {
            return "";
        }
        String t = thumbprint.trim().toUpperCase(Locale.ROOT);
        return t.startsWith("0X") ? t.substring(2) : t;
    }

    public TdeCertificateCheck() {
        super(META);
    }
}
