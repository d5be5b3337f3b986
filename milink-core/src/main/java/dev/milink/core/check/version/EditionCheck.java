// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.buildref.Edition;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.model.ServerFacts.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MIL-V9: the edition is one the link supports (Enterprise, Developer, Standard). Spec row V9. */
public final class EditionCheck extends ProductCheck {

    public static final CheckMetadata META = VersionMeta.meta("V9", "SQL Server edition supports the link",
            Severity.BLOCKER, VersionMeta.BOTH, true, VersionMeta.OVERVIEW, """
            The link is documented for Enterprise, Developer and Standard editions; Express and Web \
            aren't listed and are reported as unsupported. Evaluation edition isn't listed by \
            current documentation (the 2022-era preview allowed it for SQL Server 2022), so it is a \
            warning. Reads `SERVERPROPERTY('Edition')`, falling back to \
            `SERVERPROPERTY('EngineEdition')` when the edition text is empty.""");

    private static final String EXPECTED = "Enterprise, Developer or Standard";

    @Override
    protected Finding evaluate(Product product, Facts facts, CheckContext context, Finding.Builder finding) {
        String observed = product.edition() == null || product.edition().isBlank()
                ? "engine edition " + product.engineEdition() : product.edition();
        Evidence evidence = Evidence.of(observed, EXPECTED);
        return switch (Edition.of(product.edition(), product.engineEdition())) {
            case ENTERPRISE, DEVELOPER, STANDARD -> finding.pass(observed + " supports the link.", evidence);
            case EVALUATION -> finding.severity(Severity.WARNING).warn(observed + " isn't among the editions current "
                    + "documentation lists for the link (" + EXPECTED + "); only the SQL Server 2022 preview "
                    + "accepted it, and an Evaluation installation expires.", evidence, upgrade(facts, observed));
            default -> finding.fail(observed + " doesn't support the link; it needs " + EXPECTED + ".", evidence,
                    upgrade(facts, observed));
        };
    }

    private static Remediation upgrade(Facts facts, String edition) {
        String instance = facts.server().target();
        Map<String, String> values = Map.of("instance", instance, "edition", edition);
        Optional<Boolean> linux = facts.server().host().asOptional().map(HostInfo::isLinux);
        List<Script> scripts = new ArrayList<>();
        if (!linux.orElse(false)) {
            scripts.add(new Script(ScriptKind.MANUAL,
                    ScriptTemplate.fix(META.id(), "edition-upgrade-windows.txt").render(values)));
        }
        if (linux.orElse(true)) {
            scripts.add(new Script(ScriptKind.LINUX_SHELL,
                    ScriptTemplate.fix(META.id(), "edition-upgrade-linux.sh").render(values)));
        }
        FixStep step = new FixStep(META.id() + "/" + instance + "/edition-upgrade",
                "Upgrade " + instance + " to Enterprise or Standard edition", FixStep.Phase.HOST, 10,
                linux.orElse(false), false, scripts, Optional.empty());
        return new Remediation("Upgrade the edition to Enterprise or Standard (Developer for non-production).",
                List.of(step));
    }

    public EditionCheck() {
        super(META, "The SQL Server edition");
    }
}
