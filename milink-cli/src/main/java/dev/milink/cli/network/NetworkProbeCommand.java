// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.options.CommandBase;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.network.probe.ControlProbe;
import dev.milink.network.probe.PortRange;
import dev.milink.network.probe.ProbeOutcome;
import dev.milink.network.probe.ProbeResult;
import dev.milink.network.probe.ProbeTarget;
import dev.milink.network.probe.TcpProber;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code milink network probe HOST:PORT…}: TCP-probes from this machine, in parallel (a thousand filtered ports take
 * about one timeout). Run it on the SQL Server host to prove SQL Server → MI where Agent cannot (Linux). With
 * {@code --control-probe}, an open remote port is checked against a documentation-only address to tell whether a
 * middlebox accepts every connection ({@link ControlProbe}); it is opt-in because it sends traffic to an address the
 * user did not name. Exit 0 when every probe connected, 1 otherwise, 5 when the open results cannot be trusted.
 */
@Command(name = "probe", sortOptions = false)
final class NetworkProbeCommand extends CommandBase {

    /** Above this many results only the summary and the non-filtered ones are listed. */
    static final int LIST_ALL_UP_TO = 20;

    @Parameters(paramLabel = "HOST[:PORT[-PORT]]", arity = "1..*", descriptionKey = "probe-targets")
    List<String> targets = new ArrayList<>();

    @Option(names = "--ports", paramLabel = "PORT[-PORT]", descriptionKey = "ports")
    String ports;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3s", converter = Durations.class,
            descriptionKey = "probe-timeout")
    Duration timeout;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1024", descriptionKey = "concurrency")
    int concurrency;

    @Option(names = "--control-probe", descriptionKey = "control-probe")
    boolean controlProbe;

    /** A middlebox that accepts everything answers fast; a normal path makes the control wait its timeout. */
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(1);

    @Override
    public Integer call() {
        if (concurrency < 1) {
            throw new MilinkException(CoreError.USAGE, "--concurrency must be 1 or more, not " + concurrency + ".");
        }
        PortRange extra = ports == null ? null : range("--ports", ports);
        List<ProbeTarget> list = new ArrayList<>();
        for (String t : targets) {
            list.addAll(parse(t, extra));
        }
        long start = System.nanoTime();
        List<ProbeResult> results = new TcpProber(timeout, concurrency).probeAll(list);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        PrintWriter out = out();
        Map<ProbeOutcome, Integer> counts = new EnumMap<>(ProbeOutcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        boolean all = results.size() <= LIST_ALL_UP_TO;
        for (ProbeResult r : results) {
            if (all || r.outcome() != ProbeOutcome.FILTERED) {
                out.printf("%-11s %s%s  %s (%d ms)%n", r.outcome().name(), r.target(),
                        r.address() == null || r.address().equals(r.target().host()) ? "" : " [" + r.address() + "]",
                        r.outcome().description(), r.elapsed().toMillis());
            }
        }
        StringBuilder summary = new StringBuilder();
        counts.forEach((o, n) -> summary.append(summary.isEmpty() ? "" : ", ").append(n).append(' ')
                .append(o.name().toLowerCase(java.util.Locale.ROOT)));
        out.println(results.size() + " probe(s) in " + took.toMillis() + " ms from this machine: " + summary
                + (all ? "" : " (filtered ones not listed)"));
        Optional<String> untrusted = !controlProbe ? Optional.empty()
                : ControlProbe.check(results, timeout.compareTo(CONTROL_TIMEOUT) < 0 ? timeout : CONTROL_TIMEOUT);
        if (untrusted.isPresent()) {
            out.println("NOT PROVEN: " + untrusted.get() + ". Run the probe where no such device sits in the path"
                    + " (on the SQL Server host itself, or from the managed instance with 'milink network test').");
        } else if (counts.containsKey(ProbeOutcome.OPEN)) {
            out.println("TCP reachable proves the handshake only; a firewall that inspects traffic can still block"
                    + " the link's protocol.");
            if (!controlProbe && results.stream().anyMatch(ControlProbe::needsControl)) {
                out.println("A transparent proxy on this machine's path would also answer; --control-probe checks"
                        + " for one (it connects to " + ControlProbe.ADDRESS + ", reserved for documentation).");
            }
        }
        out.flush();
        return ProbeResult.verdict(results, untrusted.isEmpty()).exitStatus().code();
    }

    /** {@code host:5022}, {@code host:11000-11999}, {@code [::1]:5022}, or {@code host} with {@code --ports}. */
    static List<ProbeTarget> parse(String text, PortRange extra) {
        String t = text.trim();
        String host;
        String portText = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw usage(text, "an IPv6 address in brackets needs its closing ']'");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw usage(text, "unexpected '" + rest + "'");
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') != colon) {
                throw usage(text, "write IPv6 addresses in brackets: [" + t + "] or [addr]:port");
            }
            host = colon < 0 ? t : t.substring(0, colon);
            portText = colon < 0 ? null : t.substring(colon + 1);
        }
        if (host.isBlank() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw usage(text, "'" + host + "' is not a host name or IP address");
        }
        List<PortRange> ranges = new ArrayList<>();
        if (portText != null) {
            ranges.add(range(text, portText));
        }
        if (extra != null) {
            ranges.add(extra);
        }
        if (ranges.isEmpty()) {
            throw usage(text, "no port; write HOST:PORT or give --ports");
        }
        List<ProbeTarget> out = new ArrayList<>();
        ranges.forEach(r -> out.addAll(r.targets(host)));
        return out;
    }

    private static PortRange range(String where, String text) {
        try {
            return PortRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(where, e.getMessage());
        }
    }

    private static MilinkException usage(String text, String why) {
        return new MilinkException(CoreError.USAGE, Sentences.end("Invalid probe target '" + text + "': " + why));
    }
}
