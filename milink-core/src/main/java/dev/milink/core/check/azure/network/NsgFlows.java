// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.network.NsgEvaluator.Flow;
import dev.milink.core.check.azure.network.NsgEvaluator.Verdict;
import dev.milink.core.check.azure.support.AzureSteps;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What MIL-N2 (inbound) and MIL-N3 (outbound) share: read the subnet, its NSG and the SQL Server addresses,
 * evaluate every flow, and write the allow rule that fixes the denied ones.
 */
final class NsgFlows {

    /** Highest priority number a custom rule may have. */
    static final int MAX_PRIORITY = 4096;
    static final int MIN_PRIORITY = 100;

    private NsgFlows() {
    }

    /**
     * @param ports destination port ranges to prove, e.g. {"5022", "11000-11999"}
     */
    static Finding judge(CheckMetadata meta, Finding.Builder finding, Facts facts, boolean inbound,
                         List<String> ports) {
        ManagedInstanceFacts mi = MiFacts.of(facts);
        String what = (inbound ? "inbound TCP " : "outbound TCP ") + String.join(", ", ports)
                + (inbound ? " from SQL Server" : " to SQL Server");
        if (!mi.subnet().isKnown()) {
            return finding.unknown(MiFacts.unreadable(mi, "the subnet", mi.subnet()));
        }
        if (!mi.networkSecurityGroup().isKnown()) {
            return finding.unknown(MiFacts.unreadable(mi, "the subnet's network security group",
                    mi.networkSecurityGroup()));
        }
        List<IpRange> subnet = mi.subnet().orElse(null).addressPrefixes().stream()
                .flatMap(p -> IpRange.parse(p).stream()).toList();
        if (subnet.isEmpty()) {
            return finding.unknown("The address prefixes of the managed instance's subnet are not known.");
        }
        Optional<NetworkSecurityGroup> nsg = mi.networkSecurityGroup().orElse(Optional.empty());
        if (nsg.isEmpty()) {
            return finding.severity(Severity.WARNING).warn("No network security group is attached to the managed "
                    + "instance's subnet, so nothing there filters " + what + "; Azure requires one on a managed "
                    + "instance subnet.", Evidence.of("no NSG on " + mi.subnet().orElse(null).id(),
                    "an NSG that allows " + what), Remediation.NONE);
        }
        List<String> given = facts.link().sqlServerAddresses();
        List<String> bad = given.stream().filter(a -> IpRange.parse(a).isEmpty()).toList();
        if (given.isEmpty() || !bad.isEmpty()) {
            return finding.severity(Severity.WARNING).unknown((given.isEmpty() ? "SQL Server's addresses were not"
                    + " given" : "Not IP addresses or CIDR ranges: " + String.join(", ", bad)) + ", so whether "
                    + "the NSG allows " + what + " cannot be judged; give them with --sql-address (as the "
                    + "managed instance sees SQL Server, e.g. 10.1.0.4 or 10.1.0.0/24).");
        }
        List<IpRange> sql = given.stream().map(a -> IpRange.parse(a).orElseThrow()).toList();
        List<String> otherFamily = sql.stream().filter(a -> subnet.stream().noneMatch(m -> m.ipv4() == a.ipv4()))
                .map(IpRange::text).toList();
        if (!otherFamily.isEmpty()) {
            return finding.unknown("The managed instance's subnet has no " + (otherFamily.size() == 1 ? "prefix" :
                    "prefixes") + " of the address family of " + String.join(", ", otherFamily) + " (IPv4 vs "
                    + "IPv6), so the NSG cannot be judged for " + (otherFamily.size() == 1 ? "it" : "them") + ".");
        }
        NsgEvaluator evaluator = new NsgEvaluator(VirtualNetworkTag.of(mi, subnet));
        List<Verdict> verdicts = new ArrayList<>();
        for (IpRange s : sql) {
            for (IpRange m : subnet.stream().filter(m -> m.ipv4() == s.ipv4()).toList()) {
                for (String p : ports) {
                    int[] r = NsgEvaluator.portRange(p);
                    verdicts.add(evaluator.evaluate(nsg.get(), inbound ? new Flow(true, s, m, r[0], r[1])
                            : new Flow(false, m, s, r[0], r[1])));
                }
            }
        }
        String nsgName = MiFacts.lastSegment(nsg.get().id());
        String expected = "NSG '" + nsgName + "' allows " + what;
        List<Verdict.Denied> denied = verdicts.stream().filter(v -> v instanceof Verdict.Denied)
                .map(v -> (Verdict.Denied) v).toList();
        if (!denied.isEmpty()) {
            String msg = denied.stream().map(NsgFlows::describe).collect(Collectors.joining("; "));
            int limit = denied.stream().mapToInt(d -> d.rule().priority()).min().orElseThrow();
            return finding.fail("NSG '" + nsgName + "' blocks " + msg + ".", Evidence.of(msg, expected),
                    fix(meta, facts, nsg.get(), inbound, sql, subnet, ports, limit,
                            NsgEvaluator.name(denied.getFirst().rule())));
        }
        List<Verdict.Unknown> unknown = verdicts.stream().filter(v -> v instanceof Verdict.Unknown)
                .map(v -> (Verdict.Unknown) v).toList();
        if (!unknown.isEmpty()) {
            String msg = unknown.stream().map(u -> u.flow() + ": " + u.why()).collect(Collectors.joining("; "));
            // an explicit allow before every rule in doubt settles the question
            int limit = unknown.stream().flatMap(u -> u.uncertain().stream()).mapToInt(SecurityRule::priority).min()
                    .orElse(MAX_PRIORITY + 1);
            return finding.unknown("Whether NSG '" + nsgName + "' allows " + what + " depends on rules milink "
                    + "cannot resolve: " + msg + ".", Evidence.of(msg, expected), fix(meta, facts, nsg.get(),
                    inbound, sql, subnet, ports, limit, NsgEvaluator.names(unknown.getFirst().uncertain())));
        }
        String rules = verdicts.stream().map(v -> NsgEvaluator.name(((Verdict.Allowed) v).rule())).distinct()
                .collect(Collectors.joining(", "));
        return finding.pass("NSG '" + nsgName + "' allows " + what + " (rule " + rules + ").",
                Evidence.of("allowed by " + rules, expected));
    }

    private static String describe(Verdict.Denied d) {
        StringBuilder s = new StringBuilder(d.flow().toString()).append(d.partly() ? " (in part)" : "")
                .append(" by rule ").append(NsgEvaluator.name(d.rule()));
        d.shadowedAllow().ifPresent(a -> s.append(", which comes before the allow rule ")
                .append(NsgEvaluator.name(a)));
        if (!d.partialAllows().isEmpty()) {
            s.append("; rule ").append(NsgEvaluator.names(d.partialAllows())).append(" allows only part of it");
        }
        return s.toString();
    }

    private static Remediation fix(CheckMetadata meta, Facts facts, NetworkSecurityGroup nsg, boolean inbound,
                                   List<IpRange> sql, List<IpRange> subnet, List<String> ports, int limit,
                                   String before) {
        String name = inbound ? "milink-link-inbound" : "milink-link-outbound";
        String direction = inbound ? "Inbound" : "Outbound";
        Set<Integer> used = NsgEvaluator.ordered(nsg, inbound).stream()
                .filter(r -> !r.name().equalsIgnoreCase(name)).map(SecurityRule::priority)
                .collect(Collectors.toSet());
        Optional<Integer> priority = freePriority(Math.min(limit - 1, MAX_PRIORITY), used);
        List<String> sqlText = sql.stream().map(IpRange::text).toList();
        List<String> subnetText = subnet.stream().map(IpRange::text).toList();
        if (priority.isEmpty()) {
            return new Remediation("No free priority comes before rule " + before + ": renumber the NSG's " + direction.toLowerCase(java.util.Locale.ROOT) + " rules "
                    + "so an allow rule for the link fits before it.", List.of());
        }
        NsgRuleScripts rule = new NsgRuleScripts(nsg.id(), name, inbound, priority.get(),
                inbound ? sqlText : subnetText, inbound ? subnetText : sqlText, ports,
                "milink: Managed Instance link, " + direction.toLowerCase(java.util.Locale.ROOT) + " TCP "
                        + String.join(", ", ports) + (inbound ? " from SQL Server" : " to SQL Server"));
        var step = AzureSteps.step(meta.id(), facts, "nsg-" + direction.toLowerCase(java.util.Locale.ROOT),
                        "Allow " + direction.toLowerCase(java.util.Locale.ROOT) + " TCP " + String.join(", ", ports)
                                + " on NSG '" + MiFacts.lastSegment(nsg.id()) + "' at priority " + priority.get())
                .order(AzureSteps.ORDER_NSG).appliable(true);
        for (ScriptKind kind : List.of(ScriptKind.ARM_REQUEST, ScriptKind.AZURE_CLI, ScriptKind.AZURE_POWERSHELL,
                ScriptKind.BICEP)) {
            step.text(kind, rule.text(kind));
        }
        FixStep built = step.build();
        return new Remediation("Add allow rule '" + name + "' at priority " + priority.get() + ", before rule "
                + before + ".", List.of(built));
    }

    /** The highest free priority at or below {@code start} and at least 100. */
    static Optional<Integer> freePriority(int start, Set<Integer> used) {
        for (int p = start; p >= MIN_PRIORITY; p--) {
            if (!used.contains(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
