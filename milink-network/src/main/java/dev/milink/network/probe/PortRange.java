// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import java.util.List;
import java.util.stream.IntStream;

/** An inclusive TCP port range such as {@code 11000-11999}, or a single port. */
public record PortRange(int first, int last) {

    /** The managed instance's HADR port range, fixed by the service. */
    public static final PortRange MI_HADR = new PortRange(11_000, 11_999);

    public PortRange {
        if (first < 1 || last > 65_535 || first > last) {
            throw new IllegalArgumentException("invalid port range " + first + "-" + last);
        }
    }

    /** Parses {@code 5022} or {@code 11000-11999}; throws IllegalArgumentException with a readable message. */
    public static PortRange parse(String text) {
        String t = text.trim();
        try {
            int dash = t.indexOf('-');
            if (dash < 0) {
                int p = Integer.parseInt(t);
                return new PortRange(p, p);
            }
            return new PortRange(Integer.parseInt(t.substring(0, dash).trim()),
                    Integer.parseInt(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port or port range: '" + text + "'", e);
        }
    }

    public int size() {
        return last - first + 1;
    }

    public List<ProbeTarget> targets(String host) {
        return IntStream.rangeClosed(first, last).mapToObj(p -> new ProbeTarget(host, p)).toList();
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
