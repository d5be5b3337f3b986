// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** MIL-I17: an existing availability group a link could reuse holds exactly one database. */
public final class ExistingAvailabilityGroupCheck extends InstanceCheck.Several {

    public static final CheckMetadata META = InstanceMeta.meta("I17",
            "Existing availability groups hold one database each", Area.INSTANCE, Severity.WARNING,
            InstanceMeta.SQL_TO_MI, true, InstanceMeta.OVERVIEW, """
            A link may reuse an existing availability group only when that group holds exactly one database \
            (multi-database links are a limited preview); its listener IP is then the partner endpoint. Reads \
            sys.availability_groups and their databases, distributed groups excluded. Limit: instance checks \
            do not know which databases will be linked, so a group with several databases is a warning that \
            names them; it blocks only if one of them is linked through that group.""");

    @Override
    protected List<Finding> evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.availabilityGroups().isKnown()) {
            return List.of(finding.unreadable("Availability groups", s.availabilityGroups()));
        }
        List<AvailabilityGroup> groups = s.availabilityGroups().orElse(List.of()).stream()
                .filter(g -> !g.distributed()).toList();
        List<Finding> out = new ArrayList<>();
        for (AvailabilityGroup g : groups) {
            if (g.databases().size() > 1) {
                out.add(finding.warn("Availability group " + g.name() + " holds " + g.databases().size()
                                + " databases; a link cannot reuse it for one of them.",
                        Evidence.of(g.name() + ": " + String.join(", ", g.databases()), "one database per "
                                + "availability group used by a link"), advice(facts, g)));
            }
        }
        if (out.isEmpty()) {
            out.add(finding.pass(groups.isEmpty() ? "No availability groups exist; the link gets its own."
                    : "Every availability group holds at most one database; reuse one by giving its listener IP "
                            + "as the partner endpoint.", Evidence.of(groups.size() + " availability group(s)",
                    "at most one database each")));
        }
        return out;
    }

    private static Remediation advice(Facts facts, AvailabilityGroup g) {
        Map<String, String> values = Map.of("ag", g.name(),
                "count", String.valueOf(g.databases().size()), "databases", String.join(", ", g.databases()));
        return new Remediation("Create a new availability group for the linked database, or reduce " + g.name()
                + " to one database.", List.of(Fixes.manual(META.id(), facts, "reuse-ag-" + g.name(),
                "Choose an availability group for the link instead of " + g.name(), Phase.INSTANCE,
                Fixes.SQL_ENDPOINT + 5, false, List.of(Fixes.script(ScriptKind.MANUAL, META.id(),
                        "reuse-availability-group.txt", values)))));
    }

    public ExistingAvailabilityGroupCheck() {
        super(META);
    }
}
