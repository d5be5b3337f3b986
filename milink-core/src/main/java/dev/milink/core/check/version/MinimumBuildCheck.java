// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.buildref.BuildKind;
import dev.milink.core.buildref.BuildReference;
import dev.milink.core.buildref.Edition;
import dev.milink.core.buildref.KnownBuild;
import dev.milink.core.buildref.LinkMinimum;
import dev.milink.core.buildref.LinkPurpose;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.model.ServerFacts.Product;
import dev.milink.core.model.SqlVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one minimum-build rule behind MIL-V1…V7: does the instance of one major version reach the minimum build the
 * reference data documents for the assessed direction, its edition and a purpose? The numbers come from
 * {@link BuildReference}, never from code; each instance only says which major version and purpose it guards
 * ({@link BuildChecks} lists them, one per link minimum in the bundled data). Instances of another major
 * version get SKIPPED, unreadable versions UNKNOWN.
 *
 * @since 0.1
 */
public final class MinimumBuildCheck extends ProductCheck {

    /** Template folder shared by MIL-V1…V7 (install an update). */
    static final String TEMPLATES = "MIL-V1-V7";

    private final Guards guards;
    private final int major;
    private final LinkPurpose purpose;

    /**
     * Which minimum a check guards.
     *
     * @param major   the major version, e.g. 16 for SQL Server 2022
     * @param purpose what the minimum is for
     */
    public record Guards(int major, LinkPurpose purpose) {}

    MinimumBuildCheck(CheckMetadata meta, Guards guards) {
        super(meta, "The SQL Server version");
        this.guards = guards;
        this.major = guards.major();
        this.purpose = guards.purpose();
    }

    /** The minimum this instance guards. */
    public Guards guards() {
        return guards;
    }

    @Override
    protected Finding evaluate(Product product, Facts facts, CheckContext context, Finding.Builder finding) {
        BuildReference builds = context.builds();
        SqlVersion version = product.version();
        if (version.major() != major) {
            return finding.skipped("Applies to " + builds.productName(major) + "; this instance is "
                    + builds.productName(version.major()) + ".");
        }
        Edition edition = Edition.of(product.edition(), product.engineEdition());
        Optional<LinkMinimum> found = builds.minimum(major, facts.direction(), edition, purpose);
        if (found.isEmpty()) {
            return finding.unknown("The build reference data (" + builds.lastUpdated() + ") documents no minimum "
                    + builds.productName(major) + " build for " + purposeText() + " (" + facts.direction().label()
                    + ", " + edition.label() + "); update milink or pass --build-reference FILE.");
        }
        LinkMinimum min = found.get();
        KnownBuild minBuild = builds.find(min.build()).orElseThrow();
        String observed = builds.describe(version);
        if (version.isAtLeast(min.build())) {
            return finding.pass(observed + " meets the minimum for " + purposeText() + ": " + minBuild.label() + ".",
                    Evidence.of(observed, minBuild.label() + " or later"));
        }
        Optional<KnownBuild> latest = builds.latestCumulativeUpdate(major)
                .filter(l -> l.version().compareTo(min.build()) > 0);
        String needed = minBuild.kind() == BuildKind.AZURE_CONNECT
                ? "the Azure Connect pack" + prerequisiteName(builds, min).map(n -> " on top of " + n).orElse("")
                        + ": " + minBuild.label() + " or later"
                : minBuild.label() + " or later";
        String message = observed + "; " + needsText() + " " + needed
                + latest.map(l -> "; latest known " + l.label()).orElse("")
                + (purpose == LinkPurpose.TSQL_FAILOVER ? "; until then use a failover method from " + metadata().docsUrl()
                        : "");
        return finding.fail(message, Evidence.of(observed, needed),
                remediation(facts, builds, product, min, minBuild, latest));
    }

    private Remediation remediation(Facts facts, BuildReference builds, Product product, LinkMinimum min,
                                    KnownBuild minBuild, Optional<KnownBuild> latest) {
        List<KnownBuild> installs = new ArrayList<>();
        min.prerequisite().filter(p -> !product.version().isAtLeast(p)).flatMap(builds::find).ifPresent(installs::add);
        installs.add(minBuild.kind() == BuildKind.AZURE_CONNECT ? minBuild : latest.orElse(minBuild));
        List<FixStep> steps = new ArrayList<>();
        for (KnownBuild b : installs) {
            steps.add(installStep(facts, builds, b, 10 * (steps.size() + 1)));
        }
        String summary = "Install " + String.join(", then ", installs.stream().map(KnownBuild::labelWithKb).toList())
                + (installs.getLast() == minBuild ? "" : " (at least " + minBuild.label() + ")") + ".";
        return new Remediation(summary, steps);
    }

    private FixStep installStep(Facts facts, BuildReference builds, KnownBuild update, int order) {
        String instance = facts.server().target();
        String product = builds.productName(major);
        Map<String, String> values = Map.of("update", product + " " + update.labelWithKb(), "instance", instance,
                "product", product, "kbUrl", update.kbUrl().orElse(""), "kb", update.kb().orElse(""),
                "build", update.version().toString());
        Optional<Boolean> linux = facts.server().host().asOptional().map(HostInfo::isLinux);
        List<Script> scripts = new ArrayList<>();
        if (!linux.orElse(false)) {
            scripts.add(new Script(ScriptKind.MANUAL,
                    ScriptTemplate.fix(TEMPLATES, "install-update-windows.txt").render(values)));
        }
        if (linux.orElse(true) && major >= 14) {
            scripts.add(new Script(ScriptKind.LINUX_SHELL,
                    ScriptTemplate.fix(TEMPLATES, "install-update-linux.sh").render(values)));
        }
        return new FixStep(metadata().id() + "/" + instance + "/install-" + update.kb().orElse(update.version().toString()),
                "Install " + product + " " + update.labelWithKb(), FixStep.Phase.HOST, order, true, false, scripts,
                Optional.empty());
    }

    private Optional<String> prerequisiteName(BuildReference builds, LinkMinimum min) {
        return min.prerequisite().flatMap(builds::find).map(KnownBuild::label);
    }

    private String purposeText() {
        return purpose == LinkPurpose.TSQL_FAILOVER ? "T-SQL failover" : "the link";
    }

    private String needsText() {
        return purpose == LinkPurpose.TSQL_FAILOVER
                ? "T-SQL failover (ALTER AVAILABILITY GROUP … FAILOVER) needs"
                : "the link needs";
    }
}
