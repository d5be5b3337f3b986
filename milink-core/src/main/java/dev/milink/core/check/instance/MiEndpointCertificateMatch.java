// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.azure.support.Blobs;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.EndpointCertificate;
import dev.milink.core.model.ServerFacts.Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MIL-I11 when the managed-instance end was read: the copy in master must hold the managed instance's current
 * {@code DATABASE_MIRRORING} endpoint certificate (SQL Server's thumbprint is the SHA-1 of the DER bytes Azure
 * reports), under the instance's FQDN, and not be expired. The import is then appliable: milink has the key.
 */
final class MiEndpointCertificateMatch {

    private MiEndpointCertificateMatch() {
    }

    /** The finding when both ends are known, else empty (the check falls back to SQL Server's side alone). */
    static Optional<Finding> judge(Facts facts, CheckContext context, Finding.Builder finding) {
        Optional<ManagedInstanceFacts> mi = facts.managedInstance().asOptional();
        Optional<EndpointCertificate> cert = mi.flatMap(m -> m.endpointCertificate().asOptional());
        Optional<String> thumbprint = cert.flatMap(c -> Blobs.thumbprint(c.publicBlobHex()));
        Optional<String> fqdn = mi.flatMap(m -> m.instance().asOptional())
                .map(ManagedInstanceFacts.ManagedInstance::fullyQualifiedDomainName)
                .or(() -> facts.link().managedInstanceFqdn());
        if (thumbprint.isEmpty() || fqdn.isEmpty()) {
            return Optional.empty();
        }
        String name = fqdn.get().trim();
        String thumb = thumbprint.get();
        List<Certificate> certificates = facts.server().certificates().orElse(List.of());
        Optional<Certificate> named = certificates.stream().filter(c -> c.name().equals(name)).findFirst();
        Optional<Certificate> sameKey = certificates.stream()
                .filter(c -> Blobs.normalize(c.thumbprint()).equals(thumb)).findFirst();
        Instant now = context.clock().instant();
        Optional<Instant> notAfter = Blobs.notAfter(cert.get().publicBlobHex())
                .or(() -> Optional.ofNullable(cert.get().notAfter()));
        String expected = "certificate " + name + " with thumbprint " + thumb + " (the managed instance's current "
                + "endpoint certificate), not expired";
        if (named.isPresent() && Blobs.normalize(named.get().thumbprint()).equals(thumb)) {
            Evidence evidence = Evidence.of(name + ", thumbprint " + thumb + ", expires "
                    + notAfter.map(Instant::toString).orElse("unknown"), expected);
            if (notAfter.isPresent() && !notAfter.get().isAfter(now)) {
                return Optional.of(finding.fail("The managed instance's endpoint certificate in master (" + name
                        + ") expired on " + notAfter.get() + "; the managed instance normally rotates it, so read "
                        + "its current certificate again.", evidence, Remediation.NONE));
            }
            return Optional.of(finding.pass("Certificate " + name + " in master is the managed instance's current "
                    + "endpoint certificate (thumbprint " + thumb + ").", evidence));
        }
        String problem = named.isPresent()
                ? "Certificate " + name + " in master holds another key (thumbprint "
                        + Blobs.normalize(named.get().thumbprint()) + ") than the managed instance's current "
                        + "endpoint certificate (" + thumb + "); the link fails with error 41974."
                : sameKey.map(c -> "The managed instance's endpoint certificate is in master as " + c.name()
                        + ", not under its FQDN " + name + ".")
                        .orElse("The managed instance's endpoint certificate (thumbprint " + thumb + ") is not in "
                                + "master under " + name + ".");
        String observed = named.map(c -> name + ", thumbprint " + Blobs.normalize(c.thumbprint()))
                .or(() -> sameKey.map(c -> c.name() + ", thumbprint " + thumb)).orElse("none");
        // thumbprint and blob are hex digits produced here: binary literals as they are
        Map<String, String> values = Map.of("fqdn", name, "thumbprint", "0x" + thumb,
                "blob", "0x" + Blobs.normalize(cert.get().publicBlobHex()));
        return Optional.of(finding.fail(problem, Evidence.of(observed, expected), new Remediation("Import the "
                + "managed instance's current endpoint certificate into master as " + name + ".",
                List.of(Fixes.appliableTsql(MiCertificateCheck.META.id(), facts, "import-mi-certificate",
                        "Import the managed instance's certificate as " + name, Fixes.SQL_MI_CERTIFICATE,
                        Fixes.script(ScriptKind.TSQL, MiCertificateCheck.META.id(), "create-from-binary.sql",
                                values))))));
    }
}
