// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.buildref.BuildReference;
import dev.milink.core.buildref.LinkMinimum;
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
import dev.milink.core.model.ServerFacts.Product;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MIL-V8: the instance's major version can take part in a link at all (SQL Server 2016 or later). Spec row V8. */
public final class SupportedMajorVersionCheck extends ProductCheck {

    public static final CheckMetadata META = VersionMeta.meta("V8", "SQL Server major version supports the link",
            Severity.BLOCKER, VersionMeta.BOTH, true, VersionMeta.OVERVIEW, """
            The link is a distributed availability group, which SQL Server 2014 and older don't \
            have. The supported major versions are those the build reference data documents a link \
            minimum for (2016 to 2025 today); a newer major version than the data knows is UNKNOWN \
            until the data is updated.""");

    @Override
    protected Finding evaluate(Product product, Facts facts, CheckContext context, Finding.Builder finding) {
        BuildReference builds = context.builds();
        int major = product.version().major();
        String observed = builds.describe(product.version());
        int oldest = builds.minimums().stream().mapToInt(LinkMinimum::major).min().orElse(Integer.MAX_VALUE);
        if (builds.supportsLink(major)) {
            return finding.pass(observed + " is a major version the link supports.",
                    Evidence.of(observed, builds.productName(oldest) + " or later"));
        }
        if (major > oldest) {
            return finding.unknown(observed + " is newer than the build reference data ("
                    + builds.lastUpdated() + ") knows; update milink or pass --build-reference FILE.");
        }
        String instance = facts.server().target();
        String text = ScriptTemplate.fix(META.id(), "upgrade.txt").render(Map.of("product", builds.productName(major),
                "build", product.version().toString(), "instance", instance));
        FixStep upgrade = new FixStep(META.id() + "/" + instance + "/upgrade", "Upgrade " + instance + " to "
                + builds.productName(oldest) + " or later", FixStep.Phase.HOST, 10, true, false,
                List.of(new Script(ScriptKind.MANUAL, text)), Optional.empty());
        return finding.fail(observed + " can't take part in a link: distributed availability groups need "
                        + builds.productName(oldest) + " or later.",
                Evidence.of(observed, builds.productName(oldest) + " or later"),
                new Remediation("Upgrade to " + builds.productName(oldest) + " or later.", List.of(upgrade)));
    }

    public SupportedMajorVersionCheck() {
        super(META, "The SQL Server version");
    }
}
