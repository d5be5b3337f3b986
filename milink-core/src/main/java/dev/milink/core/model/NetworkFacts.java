// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the network test (or a probe) showed on the paths between the link's ends.
 *
 * @param testedAt when the test ran
 * @param paths    every path tested, SQL Server → MI first
 * @param notes    things worth knowing that are not a path's result (e.g. what was cleaned up)
 * @since 0.2
 */
public record NetworkFacts(Instant testedAt, List<PathResult> paths, List<String> notes) {

    public NetworkFacts {
        Objects.requireNonNull(testedAt, "testedAt");
        paths = List.copyOf(paths);
        notes = List.copyOf(notes);
    }

    /** Who opens the connection. */
    public enum PathDirection {
        SQL_TO_MI("SQL Server → managed instance"),
        MI_TO_SQL("managed instance → SQL Server"),
        /** From the machine milink runs on (a probe), not from either end. */
        FROM_HERE("this machine → endpoint");

        private final String label;

        PathDirection(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What one path showed. */
    public enum Outcome {
        REACHABLE(false), WRONG_ADDRESS(true), REFUSED(true), FILTERED(true), NOT_REACHABLE(true), DNS_FAILURE(true),
        UNREACHABLE(true), NOT_PROVEN(false), ERROR(false);

        private final boolean blocked;

        Outcome(boolean blocked) {
            this.blocked = blocked;
        }

        /** True when the path is known not to work. */
        public boolean blocked() {
            return blocked;
        }
    }

    /**
     * One tested path.
     *
     * @param direction     who opens the connection
     * @param purpose       what the path is for, one line
     * @param host          name or address probed
     * @param port          TCP port
     * @param method        where and how the probe ran, in words
     * @param outcome       what it showed
     * @param description   the outcome in words
     * @param remoteAddress what the name resolved to, may be null
     * @param detail        the probe's own words, never a secret; may be empty
     * @param advice        what to do, one item per line; empty when reachable
     */
    public record PathResult(PathDirection direction, String purpose, String host, int port, String method,
                             Outcome outcome, String description, String remoteAddress, String detail,
                             List<String> advice) {
        public PathResult {
            advice = List.copyOf(advice);
            detail = detail == null ? "" : detail;
        }

        /** {@code host:port}, brackets around IPv6 literals. */
        public String endpoint() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
