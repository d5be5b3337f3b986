// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.network;

import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.NetworkFacts;
import dev.milink.core.model.NetworkFacts.Outcome;
import dev.milink.core.model.NetworkFacts.PathDirection;
import dev.milink.core.model.NetworkFacts.PathResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * MIL-N9: the live test shows both directions working. One finding per tested path (the hop's advice as the
 * remediation), and an UNKNOWN for a direction that was not tested at all.
 */
public final class BothDirectionsCheck implements Check {

    public static final CheckMetadata META = new CheckMetadata("MIL-N9",
            "Both directions of the link's network work (live test)", Area.NETWORK, Scope.INSTANCE,
            Severity.BLOCKER, EnumSet.allOf(Direction.class), """
            The link needs TCP in both directions: SQL Server to the managed instance on 5022 and 11000-11999, \
            and the managed instance back to SQL Server's mirroring endpoint. Reads the results of \
            `milink network test`, which probes each path from the link's own ends (temporary SQL Agent jobs, \
            or this machine when it is the SQL Server host). A path that is blocked fails with what to open; \
            one that could not be tested, or not from where it matters, is UNKNOWN, never a pass. TCP \
            reachable proves the handshake only: a firewall that inspects traffic can still block the link's \
            protocol. Without a network test in the run the check is SKIPPED.""",
            "https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-preparation"
                    + "#test-bidirectional-network-connectivity", List.of("N9"), "0.2.0", false, List.of())
            .needing(Part.NETWORK);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> evaluate(Facts facts, CheckContext context) {
        NetworkFacts network = facts.network().asOptional().orElseThrow();
        Target target = Target.instance(facts.server().target());
        List<Finding> out = new ArrayList<>();
        for (PathResult p : network.paths()) {
            out.add(judge(p, Finding.of(META, target)));
        }
        for (PathDirection d : List.of(PathDirection.SQL_TO_MI, PathDirection.MI_TO_SQL)) {
            if (network.paths().stream().noneMatch(p -> p.direction() == d)) {
                out.add(Finding.of(META, target).unknown("No path " + d.label() + " was tested, so that direction"
                        + " is not proven."));
            }
        }
        return out;
    }

    private static Finding judge(PathResult p, Finding.Builder finding) {
        String path = p.direction().label() + ", " + p.endpoint() + " (" + p.purpose() + ")";
        Evidence evidence = Evidence.of(p.description() + (p.remoteAddress() == null ? ""
                : " (RemoteAddress " + p.remoteAddress() + ")") + "; tested by: " + p.method()
                + (p.detail().isBlank() ? "" : "; seen: " + p.detail()), "TCP reachable");
        Remediation fix = p.advice().isEmpty() ? Remediation.NONE
                : new Remediation(String.join(" ", p.advice()), List.of());
        if (p.outcome() == Outcome.REACHABLE) {
            return finding.pass(path + ": TCP reachable.", evidence);
        }
        if (p.outcome().blocked()) {
            return finding.fail(path + ": " + p.description() + ".", evidence, fix);
        }
        String why = p.outcome() == Outcome.ERROR ? "could not be tested" : "is not proven";
        return finding.unknown(path + " " + why + ": " + p.description() + ".", evidence, fix);
    }
}
