// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.buildref.BuildReference;
import dev.milink.core.buildref.LinkMinimum;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.Product;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MIL-V11: whether data can flow back from the managed instance to this SQL Server (failback, two-way DR).
 * Informational for a link from SQL Server; blocking when the managed instance is to be the primary. Spec row V11.
 */
public final class TwoWayScopeCheck extends ProductCheck {

    public static final CheckMetadata META = VersionMeta.meta("V11",
            "Two-way link (failback to SQL Server) is possible", Severity.INFO, VersionMeta.BOTH, false,
            VersionMeta.FAILOVER, """
            Only SQL Server 2022 and 2025 can receive data from a managed instance: a link from the \
            managed instance, or a failback after failing over to it (which also needs the managed \
            instance's update policy to match the SQL Server version, MIL-M1). With SQL Server 2016, \
            2017 and 2019 a failover to the managed instance is one-way and ends the link. Which \
            versions are two-way comes from the build reference data (the versions with a minimum \
            for the MI to SQL Server direction).""");

    @Override
    protected Finding evaluate(Product product, Facts facts, CheckContext context, Finding.Builder finding) {
        BuildReference builds = context.builds();
        int major = product.version().major();
        String name = builds.productName(major);
        if (!builds.supportsLink(major)) {
            return finding.skipped(name + " can't take part in a link at all; see MIL-V8.");
        }
        String twoWay = builds.minimums().stream().filter(m -> m.directions().contains(Direction.MI_TO_SQL))
                .map(LinkMinimum::major).distinct().sorted().map(builds::productName)
                .collect(Collectors.joining(" or "));
        if (builds.supportsLink(major, Direction.MI_TO_SQL)) {
            return finding.pass(name + " can receive data from the managed instance (link from the managed "
                    + "instance, or failback) when the managed instance's update policy is " + name + ".",
                    Evidence.of(name, twoWay));
        }
        Evidence evidence = Evidence.of(name + ": one-way", twoWay + " for two-way");
        Remediation plan = new Remediation("Treat a failover to the managed instance as a one-way migration, or "
                + "upgrade to " + twoWay + " before relying on failback.", List.of());
        if (facts.direction() == Direction.MI_TO_SQL) {
            return finding.severity(Severity.BLOCKER).fail(name + " can't receive a link from a managed "
                    + "instance; that needs " + twoWay + ".", evidence, plan);
        }
        return finding.warn(name + " links are one-way: after a failover to the managed instance the link "
                + "ends and no data flows back to SQL Server; failback needs " + twoWay + ".", evidence, plan);
    }

    public TwoWayScopeCheck() {
        super(META, "The SQL Server version");
    }
}
