// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides whether a network security group lets one TCP flow through, the way Azure does: per direction, custom
 * rules by priority (lowest number first), then the default rules, and the first rule that matches decides. A
 * rule matches on protocol ({@code Tcp}, {@code *}, {@code Any}), source and destination address prefixes and
 * lists (CIDR containment), destination port ranges and lists, and source ports (the flow's source port is an
 * ephemeral one, 1024–65535).
 *
 * <p>{@code VirtualNetwork} is what {@link VirtualNetworkTag} knows of it: the virtual network's space, connected
 * peerings and user-defined route prefixes; when a gateway may add on-premises ranges (or the network could not be
 * read), a private address outside the known space may be in it. What milink cannot resolve never turns into an
 * allow: an application security group, a service tag other than {@code *}, {@code Internet},
 * {@code AzureLoadBalancer} and {@code VirtualNetwork}, or such a private address under {@code VirtualNetwork}
 * makes a rule a "maybe"; a maybe-deny before the deciding allow, or a maybe-allow before the deciding deny, makes
 * the verdict {@link Verdict.Unknown}, saying why. A private address is never in {@code Internet}; a public one
 * is never in {@code VirtualNetwork} unless it lies in the known space (on-premises ranges are private ones). Ports or prefixes missing from the facts are a maybe
 * too, never "any". A rule that covers only part of the flow's addresses
 * or source ports is partial: a partial deny blocks part of the flow, a partial allow lets part through and the
 * rest goes on to the next rule. Destination ports are split at every rule's port boundaries and each piece is
 * judged on its own, so a range allowed by two rules together is allowed.
 */
public final class NsgEvaluator {

    static final int EPHEMERAL_FIRST = 1024;
    static final int PORT_MAX = 65535;
    private static final IpRange LOAD_BALANCER = IpRange.parse("168.63.129.16/32").orElseThrow();

    private final List<IpRange> knownSpace;
    private final VirtualNetworkTag virtualNetwork;

    /** @param virtualNetwork what the {@code VirtualNetwork} tag holds (at least the MI subnet) */
    public NsgEvaluator(VirtualNetworkTag virtualNetwork) {
        this.virtualNetwork = virtualNetwork;
        this.knownSpace = virtualNetwork.known();
    }

    /** Only {@code knownSpace} is known to be in {@code VirtualNetwork}; other private addresses may be. */
    public NsgEvaluator(List<IpRange> knownSpace) {
        this(VirtualNetworkTag.partial(knownSpace, "only the subnet's own prefixes are known to be in "
                + "VirtualNetwork"));
    }

    /** One TCP flow to destination ports {@code firstPort..lastPort}. */
    public record Flow(boolean inbound, IpRange source, IpRange destination, int firstPort, int lastPort) {
        public String ports() {
            return firstPort == lastPort ? String.valueOf(firstPort) : firstPort + "-" + lastPort;
        }

        Flow withPorts(int first, int last) {
            return new Flow(inbound, source, destination, first, last);
        }

        @Override
        public String toString() {
            return "TCP " + ports() + " from " + source + " to " + destination;
        }
    }

    /** What the NSG does with (a piece of) a flow. */
    public sealed interface Verdict permits Verdict.Allowed, Verdict.Denied, Verdict.Unknown {
        Flow flow();

        /** The flow is allowed; {@code rule} decided it. */
        record Allowed(Flow flow, SecurityRule rule) implements Verdict {
        }

        /**
         * Blocked (wholly, or partly when {@code partly}) by {@code rule}; {@code shadowedAllow} is a later allow
         * that would have matched; {@code partialAllows} let only part of the flow through before it.
         */
        record Denied(Flow flow, SecurityRule rule, boolean partly, Optional<SecurityRule> shadowedAllow,
                      List<SecurityRule> partialAllows) implements Verdict {
        }

        /** Depends on rules milink cannot resolve ({@code uncertain}); {@code why} says what is unresolved. */
        record Unknown(Flow flow, List<SecurityRule> uncertain, String why) implements Verdict {
        }
    }

    private enum Match { NONE, PARTIAL, MAYBE, FULL }

    /**
     * The verdict on {@code flow}: the first denied piece of its port range, else the first unknown one, else
     * allowed.
     */
    public Verdict evaluate(NetworkSecurityGroup nsg, Flow flow) {
        List<SecurityRule> rules = ordered(nsg, flow.inbound());
        List<Verdict> pieces = new ArrayList<>();
        for (int[] range : pieces(rules, flow)) {
            pieces.add(decide(rules, flow.withPorts(range[0], range[1])));
        }
        return pieces.stream().filter(v -> v instanceof Verdict.Denied).findFirst()
                .or(() -> pieces.stream().filter(v -> v instanceof Verdict.Unknown).findFirst())
                .orElse(pieces.getFirst());
    }

    /** Custom rules of the flow's direction by priority, then the default ones (Azure's own when none given). */
    static List<SecurityRule> ordered(NetworkSecurityGroup nsg, boolean inbound) {
        String direction = inbound ? "inbound" : "outbound";
        Comparator<SecurityRule> byPriority = Comparator.comparingInt(SecurityRule::priority);
        List<SecurityRule> defaults = nsg.defaultSecurityRules().isEmpty() ? DefaultRules.ALL
                : nsg.defaultSecurityRules();
        List<SecurityRule> out = new ArrayList<>(nsg.securityRules().stream()
                .filter(r -> direction.equalsIgnoreCase(r.direction())).sorted(byPriority).toList());
        out.addAll(defaults.stream().filter(r -> direction.equalsIgnoreCase(r.direction())).sorted(byPriority)
                .toList());
        return out;
    }

    private Verdict decide(List<SecurityRule> rules, Flow flow) {
        List<SecurityRule> uncertain = new ArrayList<>();
        List<SecurityRule> partialAllows = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            SecurityRule rule = rules.get(i);
            boolean allow = "allow".equalsIgnoreCase(rule.access());
            switch (match(rule, flow)) {
                case NONE -> { }
                case MAYBE -> uncertain.add(rule);
                case PARTIAL -> {
                    if (!allow) {
                        return new Verdict.Denied(flow, rule, true, laterAllow(rules, i, flow), partialAllows);
                    }
                    partialAllows.add(rule);
                }
                case FULL -> {
                    List<SecurityRule> opposite = uncertain.stream()
                            .filter(r -> "allow".equalsIgnoreCase(r.access()) != allow).toList();
                    if (!opposite.isEmpty()) {
                        return new Verdict.Unknown(flow, opposite, "rule " + names(opposite) + " may match first "
                                + "(" + whyMaybe(opposite, flow) + "), and " + (allow ? "would deny" : "would allow")
                                + " what " + name(rule) + " " + (allow ? "allows" : "denies"));
                    }
                    return allow ? new Verdict.Allowed(flow, rule) : new Verdict.Denied(flow, rule,
                            !partialAllows.isEmpty(), laterAllow(rules, i, flow), List.copyOf(partialAllows));
                }
            }
        }
        return new Verdict.Unknown(flow, uncertain, "no rule decides it" + (uncertain.isEmpty() ? ""
                : " (" + whyMaybe(uncertain, flow) + ")"));
    }

    /** What makes these rules a "maybe" for the flow, in words. */
    private String whyMaybe(List<SecurityRule> rules, Flow flow) {
        List<String> why = new ArrayList<>();
        for (SecurityRule r : rules) {
            if (!r.sourceAsgs().isEmpty() || !r.destinationAsgs().isEmpty()) {
                add(why, "an application security group milink cannot resolve");
            }
            if (r.sourcePrefixes().isEmpty() || r.destinationPrefixes().isEmpty() || r.destinationPorts().isEmpty()) {
                add(why, "the facts lack its addresses or ports");
            }
            for (String p : concat(r.sourcePrefixes(), r.destinationPrefixes())) {
                String t = p == null ? "" : p.trim().toLowerCase(Locale.ROOT);
                if (t.equals("virtualnetwork") && !virtualNetwork.isComplete()) {
                    add(why, "VirtualNetwork may hold " + (flow.inbound() ? flow.source() : flow.destination())
                            + ": " + virtualNetwork.why());
                } else if (IpRange.parse(t).isEmpty() && !List.of("*", "any", "azureloadbalancer", "virtualnetwork",
                        "internet").contains(t)) {
                    add(why, "service tag " + p.trim() + ", which milink cannot resolve");
                }
            }
        }
        return why.isEmpty() ? "a rule milink cannot resolve" : String.join("; ", why);
    }

    private static void add(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private Optional<SecurityRule> laterAllow(List<SecurityRule> rules, int after, Flow flow) {
        return rules.subList(after + 1, rules.size()).stream()
                .filter(r -> "allow".equalsIgnoreCase(r.access()))
                .filter(r -> match(r, flow) == Match.FULL || match(r, flow) == Match.PARTIAL).findFirst();
    }

    private Match match(SecurityRule rule, Flow flow) {
        String protocol = rule.protocol() == null ? "*" : rule.protocol().trim().toLowerCase(Locale.ROOT);
        if (!(protocol.equals("tcp") || protocol.equals("*") || protocol.equals("any"))) {
            return Match.NONE;
        }
        List<Match> parts = List.of(portMatch(rule.destinationPorts(), flow.firstPort(), flow.lastPort()),
                portMatch(rule.sourcePorts(), EPHEMERAL_FIRST, PORT_MAX),
                addressMatch(rule.sourcePrefixes(), rule.sourceAsgs(), flow.source()),
                addressMatch(rule.destinationPrefixes(), rule.destinationAsgs(), flow.destination()));
        if (parts.contains(Match.NONE)) {
            return Match.NONE;
        }
        if (parts.stream().allMatch(m -> m == Match.FULL)) {
            return Match.FULL;
        }
        return parts.contains(Match.MAYBE) ? Match.MAYBE : Match.PARTIAL;
    }

    private static Match portMatch(List<String> ports, int first, int last) {
        if (ports.isEmpty()) {
            return Match.MAYBE; // facts without the rule's ports: never read as "any port"
        }
        List<BigInteger[]> covered = new ArrayList<>();
        for (String p : ports) {
            int[] r = portRange(p);
            if (r != null) {
                covered.add(new BigInteger[] {BigInteger.valueOf(r[0]), BigInteger.valueOf(r[1])});
            }
        }
        return coverage(BigInteger.valueOf(first), BigInteger.valueOf(last), covered);
    }

    /** "*", "5022" or "11000-11999" as {first, last}; null when unparseable (no match). */
    static int[] portRange(String p) {
        String t = p == null ? "" : p.trim();
        if (t.equals("*") || t.equalsIgnoreCase("any")) {
            return new int[] {0, PORT_MAX};
        }
        try {
            int dash = t.indexOf('-');
            return dash < 0 ? new int[] {Integer.parseInt(t), Integer.parseInt(t)}
                    : new int[] {Integer.parseInt(t.substring(0, dash).trim()),
                            Integer.parseInt(t.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Match addressMatch(List<String> prefixes, List<String> asgs, IpRange flow) {
        List<BigInteger[]> covered = new ArrayList<>();
        boolean maybe = !asgs.isEmpty() || prefixes.isEmpty(); // no prefixes and no groups: not known, not "any"
        for (String p : prefixes) {
            String t = p == null ? "" : p.trim();
            Optional<IpRange> ip = IpRange.parse(t);
            if (ip.isPresent()) {
                covered.add(bounds(ip.get(), flow));
                continue;
            }
            switch (t.toLowerCase(Locale.ROOT)) {
                case "*", "any" -> covered.add(new BigInteger[] {flow.first(), flow.last()});
                case "azureloadbalancer" -> covered.add(bounds(LOAD_BALANCER, flow));
                case "virtualnetwork" -> {
                    knownSpace.forEach(s -> covered.add(bounds(s, flow)));
                    boolean inKnown = knownSpace.stream().anyMatch(s -> s.contains(flow));
                    maybe |= !inKnown && flow.isPrivate() && !virtualNetwork.isComplete();
                }
                case "internet" -> {
                    boolean inKnown = knownSpace.stream().anyMatch(s -> s.overlaps(flow));
                    if (!flow.isPrivate() && !inKnown) {
                        covered.add(new BigInteger[] {flow.first(), flow.last()});
                    }
                }
                default -> maybe = true;
            }
        }
        Match m = coverage(flow.first(), flow.last(), covered);
        return m == Match.FULL ? m : maybe ? Match.MAYBE : m;
    }

    /** {@code range} clipped to the flow's address family ({@code null} bounds when the family differs). */
    private static BigInteger[] bounds(IpRange range, IpRange flow) {
        return range.ipv4() == flow.ipv4() ? new BigInteger[] {range.first(), range.last()} : null;
    }

    /** FULL when the ranges together cover first..last, PARTIAL when they touch it, else NONE. */
    private static Match coverage(BigInteger first, BigInteger last, List<BigInteger[]> ranges) {
        List<BigInteger[]> hits = ranges.stream().filter(r -> r != null && r[0].compareTo(last) <= 0
                && r[1].compareTo(first) >= 0).sorted(Comparator.comparing(r -> r[0])).toList();
        if (hits.isEmpty()) {
            return Match.NONE;
        }
        BigInteger next = first;
        for (BigInteger[] r : hits) {
            if (r[0].compareTo(next) > 0) {
                return Match.PARTIAL;
            }
            next = next.max(r[1].add(BigInteger.ONE));
            if (next.compareTo(last) > 0) {
                return Match.FULL;
            }
        }
        return Match.PARTIAL;
    }

    /** The flow's port range cut at every rule's port boundaries, so each piece is inside or outside each rule. */
    private static List<int[]> pieces(List<SecurityRule> rules, Flow flow) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(flow.firstPort());
        for (SecurityRule r : rules) {
            for (String p : r.destinationPorts()) {
                int[] range = portRange(p);
                if (range != null) {
                    cuts.add(range[0]);
                    cuts.add(range[1] + 1);
                }
            }
        }
        List<Integer> starts = cuts.subSet(flow.firstPort(), true, flow.lastPort(), true).stream().toList();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : flow.lastPort();
            out.add(new int[] {starts.get(i), end});
        }
        return out;
    }

    /** "'name' (priority 100, Deny)". */
    public static String name(SecurityRule r) {
        return "'" + r.name() + "' (priority " + r.priority() + ", " + r.access() + ")";
    }

    static String names(List<SecurityRule> rules) {
        return String.join(", ", rules.stream().map(NsgEvaluator::name).toList());
    }
}
