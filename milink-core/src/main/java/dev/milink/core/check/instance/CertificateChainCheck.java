// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.Certificate;
import java.util.List;

/**
 * MIL-I13: the managed instance certificate's chain validates. Validation runs a procedure that may go online,
 * which collection never does, so this check hands the DBA the exact command instead of guessing.
 */
public final class CertificateChainCheck implements Check {

    public static final CheckMetadata META = InstanceMeta.meta("I13",
            "The managed instance certificate's chain validates", Area.CERTIFICATES, Severity.WARNING,
            InstanceMeta.BOTH, false, InstanceMeta.BEST_PRACTICES, """
            The managed instance rotates its endpoint certificate by itself; when SQL Server's copy or the root \
            certificates fall out of step the link degrades. sp_validate_certificate_ca_chain checks the chain, \
            but it uses the host's certificate services and may check revocation online, so milink does not run \
            it while collecting. Reports SKIPPED with the exact command (with the certificate_id when the \
            managed instance's certificate is found); run it after setup and periodically.""");

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        String id = MiCertificates.resolve(facts)
                .flatMap(mi -> MiCertificates.named(facts.server(), mi.fqdn()))
                .map(Certificate::certificateId).map(String::valueOf)
                .orElse("<certificate_id of the managed instance's certificate>");
        return List.of(Finding.of(META, Target.instance(facts.server().target())).skipped(
                "Chain validation is not run during collection. Run on SQL Server: USE master; "
                        + "EXEC sp_validate_certificate_ca_chain " + id + "; \"Commands completed successfully\" "
                        + "means the chain is valid. It relies on the host's certificate services and may check "
                        + "revocation online, so on a host without internet access it can fail although the "
                        + "chain is fine."));
    }
}
