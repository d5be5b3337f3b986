// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.certificates;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.ArmRequest;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.AzureSteps;
import dev.milink.core.check.azure.support.Blobs;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.check.instance.EndpointCertificateCheck;
import dev.milink.core.model.Facts;
import dev.milink.core.script.Syntax;
import java.util.LinkedHashMap;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.TrustCertificate;
import dev.milink.core.model.ServerFacts.Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MIL-I10: SQL Server's endpoint certificate is a server trust certificate of the managed instance, matched by its
 * public key (the SHA-1 of the DER bytes), never by name; and it has not expired.
 */
public final class ServerTrustCertificateCheck extends InstanceCheck {

    public static final String API_VERSION = "2025-01-01";

    /** What the request shows in place of the public key until milink reads it at apply time. */
    public static final String PUBLIC_BLOB_PLACEHOLDER = "<read at apply time: CERTENCODED of the SQL Server "
            + "certificate named in publicBlobFrom, 0x hex>";

    public static final CheckMetadata META = AzureMeta.of("I10", "SQL Server's endpoint certificate is trusted by "
            + "the managed instance", Area.CERTIFICATES, Severity.BLOCKER, AzureMeta.BOTH, true,
            AzureMeta.CONFIGURE_SCRIPTS, """
                    The managed instance accepts SQL Server's endpoint only when the public key of its \
                    certificate was uploaded as a server trust certificate; otherwise link creation fails with \
                    error 41973. Compares the certificate the mirroring endpoint uses (sys.certificates \
                    thumbprint, the SHA-1 of its DER bytes) with the SHA-1 of every trust certificate's \
                    publicBlob on the managed instance (hex with or without 0x, any case), so a certificate \
                    uploaded under another name still counts and a stale one under the same name does not. The \
                    certificate's expiry is checked with the clock of the run (rotate it before it expires, see \
                    MIL-I9). The fix uploads the public key (PUT serverTrustCertificates, or Azure CLI and \
                    PowerShell) when SQL Server's certificate blob was collected, and otherwise gives the two \
                    manual steps. When SQL Server has no endpoint certificate yet, MIL-I9's fix creates one and \
                    this check plans its upload right after that step, the public key read from SQL Server at \
                    apply time (publicBlobFrom), so one milink fix --apply creates and uploads it.""", Part.MANAGED_INSTANCE, Part.SQL_SERVER);

    public ServerTrustCertificateCheck() {
        super(META);
    }

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ManagedInstanceFacts mi = MiFacts.of(facts);
        if (!facts.server().certificates().isKnown()) {
            return finding.unknown("Certificates in master could not be read: "
                    + facts.server().certificates().reason());
        }
        Optional<Certificate> sql = facts.server().endpointCertificate();
        if (sql.isEmpty() && mi.trustCertificates().isKnown()) {
            Optional<String> created = EndpointCertificateCheck.createdByFix(facts, context);
            if (created.isPresent()) {
                String name = created.get();
                return finding.fail("SQL Server has no endpoint certificate yet, so " + MiFacts.label(mi)
                                + " trusts none; MIL-I9's fix creates '" + name + "', and its public key is uploaded "
                                + "right after it.",
                        Evidence.of("no endpoint certificate in master", "a trust certificate holding the public key "
                                + "of SQL Server's endpoint certificate"),
                        new Remediation("Upload the public key of '" + name + "' (created by MIL-I9's fix) to the "
                                + "managed instance as server trust certificate '" + name + "'.",
                                List.of(uploadCreated(facts, mi, name))));
            }
        }
        if (sql.isEmpty()) {
            return finding.skipped("SQL Server has no endpoint certificate yet, so there is nothing to "
                    + "trust; MIL-I9 creates one, then this check compares it with the managed instance.");
        }
        if (!mi.trustCertificates().isKnown()) {
            return finding.unknown(MiFacts.unreadable(mi, "the server trust certificates",
                    mi.trustCertificates()));
        }
        Certificate c = sql.get();
        String thumbprint = thumbprint(c);
        List<TrustCertificate> trusted = mi.trustCertificates().orElse(List.of());
        Optional<TrustCertificate> match = trusted.stream().filter(t -> matches(t, c, thumbprint)).findFirst();
        String expected = "a trust certificate with thumbprint " + thumbprint + ", not expired";
        Instant now = context.clock().instant();
        if (match.isPresent()) {
            Evidence evidence = Evidence.of("trust certificate '" + match.get().name() + "' holds '" + c.name()
                    + "' (thumbprint " + thumbprint + ", expires " + c.expiryDate() + ")", expected);
            if (c.expiryDate() != null && !c.expiryDate().isAfter(now)) {
                return finding.fail("SQL Server's endpoint certificate '" + c.name() + "' is trusted by "
                        + MiFacts.label(mi) + " but expired on " + c.expiryDate() + "; rotate it (MIL-I9) and "
                        + "upload the new one.", evidence, Remediation.NONE);
            }
            if (c.expiryDate() != null && c.expiryDate().isBefore(now.plus(context.certificateExpiryWarning()))) {
                return finding.warn("SQL Server's endpoint certificate '" + c.name() + "' is trusted by "
                        + MiFacts.label(mi) + " but expires on " + c.expiryDate() + "; rotate it soon (MIL-I9).",
                        evidence, Remediation.NONE);
            }
            return finding.pass("SQL Server's endpoint certificate '" + c.name() + "' is trusted by "
                    + MiFacts.label(mi) + " as '" + match.get().name() + "'.", evidence);
        }
        Optional<TrustCertificate> stale = trusted.stream().filter(t -> t.name().equalsIgnoreCase(c.name()))
                .findFirst();
        String staleNote = stale.map(t -> " Trust certificate '" + t.name() + "' has the same name but another "
                + "key (thumbprint " + Blobs.thumbprint(t.publicBlobHex()).orElse("unreadable") + "): a stale "
                + "upload of an earlier certificate.").orElse("");
        String name = stale.isPresent() ? c.name() + "_" + thumbprint.substring(0, Math.min(8, thumbprint.length()))
                : c.name();
        return finding.fail(MiFacts.label(mi) + " does not trust SQL Server's endpoint certificate '"
                        + c.name() + "' (thumbprint " + thumbprint + "); link creation fails with error 41973."
                        + staleNote,
                Evidence.of(trusted.size() + " trust certificate" + (trusted.size() == 1 ? "" : "s")
                        + ", none with thumbprint " + thumbprint, expected),
                new Remediation("Upload the public key of '" + c.name() + "' to the managed instance as server "
                        + "trust certificate '" + name + "'.", List.of(upload(facts, mi, c, name))));
    }

    private static boolean matches(TrustCertificate t, Certificate c, String thumbprint) {
        if (c.publicBlobHex() != null && Blobs.same(t.publicBlobHex(), c.publicBlobHex())) {
            return true;
        }
        String fromBlob = Blobs.thumbprint(t.publicBlobHex()).orElse("");
        return !thumbprint.isEmpty() && (thumbprint.equals(fromBlob) || thumbprint.equals(Blobs.normalize(
                t.thumbprint())));
    }

    private static FixStep upload(Facts facts, ManagedInstanceFacts mi, Certificate c, String name) {
        String rg = MiFacts.segment(mi.resourceId(), "resourceGroups").orElse("<resource-group>");
        var step = AzureSteps.step(META.id(), facts, "upload-trust-certificate", "Upload the public key of '"
                + c.name() + "' to " + MiFacts.label(mi)).order(AzureSteps.ORDER_TRUST_CERTIFICATE);
        Optional<byte[]> blob = Blobs.bytes(c.publicBlobHex());
        if (blob.isEmpty()) {
            return step.value("name", c.name()).value("rg", rg).value("mi", mi.name()).value("cert", name)
                    .template(ScriptKind.MANUAL, "upload-from-sql.txt").build();
        }
        String hex = "0x" + Blobs.normalize(c.publicBlobHex());
        return step.appliable(true)
                .text(ScriptKind.ARM_REQUEST, ArmRequest.of("PUT", mi.resourceId() + "/serverTrustCertificates/"
                        + name + "?api-version=" + API_VERSION, Map.of("properties", Map.of("publicBlob", hex))))
                .text(ScriptKind.AZURE_CLI, "az sql mi partner-cert create --resource-group "
                        + AzureSteps.sh(rg) + " --instance-name " + AzureSteps.sh(mi.name())
                        + " --name " + AzureSteps.sh(name) + " --public-blob " + hex + "\n")
                .text(ScriptKind.AZURE_POWERSHELL, "New-AzSqlInstanceServerTrustCertificate -ResourceGroupName "
                        + AzureSteps.ps(rg) + " -InstanceName " + AzureSteps.ps(mi.name())
                        + " -Name " + AzureSteps.ps(name) + " -PublicKey " + hex + "\n")
                .build();
    }

    /**
     * The upload of the certificate MIL-I9's fix creates in the same run: ordered right after that step, its request
     * carries {@link ArmRequest#PUBLIC_BLOB_FROM} and a placeholder blob that milink fills at apply time with the
     * certificate's CERTENCODED bytes (a rerun finds it trusted, by public key, and plans nothing).
     */
    private static FixStep uploadCreated(Facts facts, ManagedInstanceFacts mi, String name) {
        String rg = MiFacts.segment(mi.resourceId(), "resourceGroups").orElse("<resource-group>");
        String createdBy = EndpointCertificateCheck.createStepId(facts);
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("certificate", name);
        from.put("createdBy", createdBy);
        String read = "SELECT CONVERT(varchar(max), CERTENCODED(CERT_ID(" + Syntax.TSQL_STRING.quote(name)
                + ")), 1) AS public_blob;";
        String note = "The public key of '" + name + "' exists only once step " + createdBy + " has created the "
                + "certificate; milink reads it then. By hand, read it on SQL Server with\n"
                + "  " + read + "\nand pass it (0x...) as PUBLIC_BLOB.\n";
        return AzureSteps.step(META.id(), facts, "upload-trust-certificate", "Upload the public key of '" + name
                        + "', created by the MIL-I9 step above, to " + MiFacts.label(mi))
                .phase(FixStep.Phase.INSTANCE).order(EndpointCertificateCheck.CREATE_ORDER + 1).appliable(true)
                .text(ScriptKind.ARM_REQUEST, ArmRequest.of("PUT", mi.resourceId() + "/serverTrustCertificates/"
                        + name + "?api-version=" + API_VERSION, Map.of("properties", Map.of("publicBlob",
                        PUBLIC_BLOB_PLACEHOLDER)), Map.of(ArmRequest.PUBLIC_BLOB_FROM, from)))
                .text(ScriptKind.AZURE_CLI, comment("# ", note) + "az sql mi partner-cert create --resource-group "
                        + AzureSteps.sh(rg) + " --instance-name " + AzureSteps.sh(mi.name())
                        + " --name " + AzureSteps.sh(name) + " --public-blob \"$PUBLIC_BLOB\"\n")
                .text(ScriptKind.AZURE_POWERSHELL, comment("# ", note)
                        + "New-AzSqlInstanceServerTrustCertificate -ResourceGroupName " + AzureSteps.ps(rg)
                        + " -InstanceName " + AzureSteps.ps(mi.name()) + " -Name " + AzureSteps.ps(name)
                        + " -PublicKey $env:PUBLIC_BLOB\n")
                .build();
    }

    private static String comment(String prefix, String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(prefix).append(line).append('\n');
        }
        return out.toString();
    }

    /** The SHA-1 thumbprint of SQL Server's certificate: from sys.certificates, else computed from the public blob. */
    private static String thumbprint(Certificate c) {
        String t = Blobs.normalize(c.thumbprint());
        return t.isEmpty() ? Blobs.thumbprint(c.publicBlobHex()).orElse("") : t;
    }
}
