// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.instance.MiCertificates.MiName;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.script.TSql;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** MIL-I11: the managed instance's endpoint certificate is in master, named exactly after the instance's FQDN. */
public final class MiCertificateCheck extends InstanceCheck {

    public static final CheckMetadata META = InstanceMeta.meta("I11",
            "The managed instance's certificate is imported under its FQDN", Area.CERTIFICATES, Severity.BLOCKER,
            InstanceMeta.BOTH, true, InstanceMeta.CONFIGURE_SCRIPTS, """
            SQL Server authenticates the managed instance by its endpoint certificate, which must be in master \
            under exactly the managed instance's FQDN; under any other name link creation fails with error \
            41974. Reads sys.certificates. Uses --mi-fqdn; without it, assumes the one certificate named like \
            *.database.windows.net, *.database.usgovcloudapi.net or *.database.chinacloudapi.cn is the one, and \
            says so. A copy imported under another name (same subject) is re-imported under the FQDN by the fix; \
            a missing certificate needs its public key from Azure. When the managed instance was read from \
            Azure (--mi or --mi-facts), its FQDN and current DATABASE_MIRRORING endpoint certificate come from \
            there: the copy in master must have the SHA-1 thumbprint of that certificate's DER bytes (a stale \
            copy after a rotation fails, and the blob's expiry is checked), and the fix imports it with CREATE \
            CERTIFICATE … FROM BINARY, which milink can apply.""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.certificates().isKnown()) {
            return finding.unreadable("Certificates in master", s.certificates());
        }
        Optional<Finding> bothEnds = MiEndpointCertificateMatch.judge(facts, context, finding);
        if (bothEnds.isPresent()) {
            return bothEnds.get();
        }
        Optional<MiName> mi = MiCertificates.resolve(facts);
        if (mi.isEmpty()) {
            List<String> candidates = MiCertificates.candidates(s);
            return candidates.isEmpty()
                    ? finding.skipped("The managed instance's FQDN is not known and no certificate in master is "
                            + "named like one; give --mi-fqdn to check this.")
                    : finding.unknown("Several certificates look like a managed instance's (" + String.join(", ",
                            candidates) + "); give --mi-fqdn to say which one the link uses.");
        }
        String fqdn = mi.get().fqdn();
        String assumed = mi.get().assumed() ? " (FQDN assumed from the certificate name; no --mi-fqdn given)" : "";
        String expected = "certificate named exactly " + fqdn + ", not expired";
        Optional<Certificate> exact = MiCertificates.named(s, fqdn);
        Instant now = context.clock().instant();
        if (exact.isPresent()) {
            Certificate c = exact.get();
            Evidence evidence = Evidence.of(c.name() + ", expires " + c.expiryDate(), expected);
            if (c.expiryDate() != null && !c.expiryDate().isAfter(now)) {
                return finding.fail("The copy of the managed instance's certificate in master expired on "
                        + c.expiryDate() + "; the managed instance has rotated it." + assumed, evidence,
                        new Remediation("Drop the expired copy and import the current certificate.",
                                List.of(importStep(facts, fqdn))));
            }
            return finding.pass("Certificate " + fqdn + " is in master" + assumed + ".", evidence);
        }
        Optional<Certificate> misnamed = s.certificates().orElse(List.of()).stream()
                .filter(c -> c.name().equalsIgnoreCase(fqdn) || mentions(c.subject(), fqdn)).findFirst();
        if (misnamed.isPresent()) {
            String current = misnamed.get().name();
            Map<String, String> values = Map.of("current", current, "fqdn", fqdn,
                    "quotedFqdn", TSql.quoteName(fqdn));
            return finding.fail("The managed instance's certificate is in master as " + current
                            + ", not under its FQDN " + fqdn + ".",
                    Evidence.of("certificate " + current + " (subject " + misnamed.get().subject() + ")", expected),
                    new Remediation("Import the same public key again under the FQDN.",
                            List.of(Fixes.appliableTsql(META.id(), facts, "rename-mi-certificate",
                                    "Import certificate " + current + " again as " + fqdn,
                                    Fixes.SQL_MI_CERTIFICATE, Fixes.script(ScriptKind.TSQL, META.id(),
                                            "rename-copy.sql", values)))));
        }
        return finding.fail("No certificate named " + fqdn + " is in master.",
                Evidence.of("none", expected), new Remediation("Import the managed instance's endpoint "
                        + "certificate under its FQDN.", List.of(importStep(facts, fqdn))));
    }

    private static boolean mentions(String subject, String fqdn) {
        return subject != null && subject.toLowerCase(Locale.ROOT).contains(fqdn.toLowerCase(Locale.ROOT));
    }

    private static FixStep importStep(Facts facts, String fqdn) {
        Map<String, String> values = Map.of("fqdn", fqdn, "miName", fqdn.split("\\.")[0]);
        return Fixes.manual(META.id(), facts, "import-mi-certificate", "Import the managed instance's certificate "
                + "as " + fqdn, Phase.INSTANCE, Fixes.SQL_MI_CERTIFICATE, false,
                List.of(Fixes.script(ScriptKind.MANUAL, META.id(), "import-mi-certificate.txt", values)));
    }

    public MiCertificateCheck() {
        super(META);
    }
}
