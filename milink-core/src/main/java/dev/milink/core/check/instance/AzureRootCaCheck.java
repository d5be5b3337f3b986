// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MIL-I12: the Azure root certificate authorities MicrosoftPKI and DigiCertPKI are in master. */
public final class AzureRootCaCheck extends InstanceCheck {

    /** A root CA the link trusts, by the name the documentation gives it in master and its SHA-1 thumbprint. */
    record Root(String name, String subject, String thumbprint) {
    }

    static final List<Root> ROOTS = List.of(
            new Root("MicrosoftPKI", "Microsoft RSA Root Certificate Authority 2017",
                    "73A5E64A3BFF8316FF0EDCCC618A906E4EAE4D74"),
            new Root("DigiCertPKI", "DigiCert Global Root G2", "DF3C24F9BFD666761B268073FE06D1CC8D4F82A4"));

    public static final CheckMetadata META = InstanceMeta.meta("I12",
            "The Azure root certificate authorities are trusted", Area.CERTIFICATES, Severity.BLOCKER,
            InstanceMeta.BOTH, true, InstanceMeta.CONFIGURE_SCRIPTS, """
            SQL Server validates the managed instance's certificate against the roots Azure uses: Microsoft RSA \
            Root Certificate Authority 2017 (MicrosoftPKI) and DigiCert Global Root G2 (DigiCertPKI), each \
            registered with sp_certificate_add_issuer for the managed instance's DNS zone. Reads sys.certificates \
            by name and compares thumbprints. Limits: the issuer registration itself is not collected; the fix \
            registers *.database.windows.net, or the US Government / China zone when the managed instance's FQDN \
            is in one (the documentation shows only the public zone). A missing sp_certificate_add_issuer \
            means the build lacks the required cumulative update or, on 2016/2017, the Azure Connect pack.""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.certificates().isKnown()) {
            return finding.unreadable("Certificates in master", s.certificates());
        }
        String issuer = MiCertificates.issuerPattern(MiCertificates.resolve(facts));
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<FixStep> steps = new ArrayList<>();
        for (Root root : ROOTS) {
            Optional<Certificate> found = MiCertificates.named(s, root.name());
            if (found.isEmpty()) {
                observed.add(root.name() + " missing");
                problems.add(root.name() + " is missing");
                steps.add(importStep(facts, root, issuer));
            } else if (!root.thumbprint().equalsIgnoreCase(found.get().thumbprint())) {
                observed.add(root.name() + " thumbprint " + found.get().thumbprint());
                problems.add(root.name() + " holds another certificate (" + found.get().subject() + ")");
            } else {
                observed.add(root.name() + " present");
            }
        }
        Evidence evidence = Evidence.of(String.join("; ", observed), "MicrosoftPKI and DigiCertPKI with their "
                + "published thumbprints, registered as issuers for " + issuer);
        if (problems.isEmpty()) {
            return finding.pass("MicrosoftPKI and DigiCertPKI are in master (their issuer registration for "
                    + issuer + " is not collected).", evidence);
        }
        String summary = steps.isEmpty()
                ? "Drop the certificate that uses the reserved name and import the right root certificate."
                : "Import the missing root certificates and register them as issuers for " + issuer + ".";
        return finding.fail(String.join("; ", problems) + ". If sp_certificate_add_issuer does not exist "
                + "on this instance, the build lacks the cumulative update (or Azure Connect pack) the link needs.",
                evidence, new Remediation(summary, steps));
    }

    private static FixStep importStep(Facts facts, Root root, String issuer) {
        String blob = Fixes.script(ScriptKind.TSQL, META.id(), root.name() + ".hex", Map.of()).text().strip();
        Map<String, String> values = Map.of("name", root.name(), "subject", root.subject(),
                "issuer", issuer, "blob", blob);
        return Fixes.appliableTsql(META.id(), facts, "import-" + root.name(), "Import root certificate "
                + root.name() + " and trust it for " + issuer, Fixes.SQL_ROOT_CA,
                Fixes.script(ScriptKind.TSQL, META.id(), "import-root.sql", values));
    }

    public AzureRootCaCheck() {
        super(META);
    }
}
