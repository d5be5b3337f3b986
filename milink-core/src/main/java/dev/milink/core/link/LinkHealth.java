// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.link.LinkObservation.End;
import dev.milink.core.model.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a link's observed state ({@link LinkObservation}) as findings with ids {@code MIL-L1}…{@code MIL-L7},
 * so that {@code link status} exits through the one exit rule: 0 healthy, 1 degraded (a blocker failed or, as
 * status passes {@code failOn} WARNING, a warning).
 *
 * @since 0.3
 */
public final class LinkHealth {

    private static final String DOCS = "https://learn.microsoft.com/azure/azure-sql/managed-instance/"
            + "managed-instance-link-troubleshoot-how-to";
    public static final CheckMetadata BOTH_ENDS = meta("L1", "The link exists on both ends", Severity.BLOCKER,
            "A link is a distributed availability group on SQL Server and a distributedAvailabilityGroups resource "
                    + "on the managed instance. One without the other is a half-made link: a create that was "
                    + "interrupted (rerun link create) or a delete that was (rerun link delete).");
    public static final CheckMetadata CONNECTED = meta("L2", "Both ends are connected", Severity.BLOCKER,
            "connected_state_desc on SQL Server, connectedState on the managed instance. Allow about a minute after "
                    + "creation.");
    public static final CheckMetadata HEALTHY = meta("L3", "The link is synchronizing and healthy", Severity.BLOCKER,
            "synchronization_health_desc / synchronizationHealth HEALTHY, and no replicaState with Error in it. "
                    + "While seeding runs the finding is INFO with its progress.");
    public static final CheckMetadata ROLES = meta("L4", "Exactly one end is primary", Severity.BLOCKER,
            "Both ends PRIMARY after a forced failover is split brain: each end accepts writes the other never "
                    + "sees. link failover --resolve-split-brain prints (and with --apply runs) the documented fix.");
    public static final CheckMetadata LAG = meta("L5", "The secondary keeps up", Severity.WARNING,
            "Hardened LSNs compared across the ends, send and redo lag. A lagging secondary makes a planned "
                    + "failover time out and loses more on a forced one.");
    public static final CheckMetadata LAST_ERROR = meta("L6", "No recent link error", Severity.WARNING,
            "The most recent link error an end reports, explained (41962, 41973, 41974, 41976, 41986, 47521, "
                    + "1408, 1412, ...).");
    public static final CheckMetadata CERTIFICATES = meta("L7", "The endpoint certificates are valid",
            Severity.BLOCKER, "The certificate each end authenticates its partner with. SQL Server's must be "
                    + "rotated by hand before it expires; the managed instance rotates its own.");

    /** Every link finding's metadata. */
    public static final List<CheckMetadata> ALL = List.of(BOTH_ENDS, CONNECTED, HEALTHY, ROLES, LAG, LAST_ERROR,
            CERTIFICATES);

    private static final long LAG_WARNING_SECONDS = 300;

    private LinkHealth() {
    }

    private static CheckMetadata meta(String id, String title, Severity severity, String rationale) {
        return new CheckMetadata("MIL-" + id, title, Area.LINK, Scope.DATABASE, severity,
                EnumSet.allOf(Direction.class), rationale, DOCS, List.of("3.5", "4"), "0.3", false, List.of(),
                Set.of(Part.SQL_SERVER, Part.MANAGED_INSTANCE));
    }

    /** The findings for every observed link; {@code certificateWarning} is how early an expiry warns. */
    public static List<Finding> evaluate(List<LinkObservation> links, Instant now, Duration certificateWarning) {
        List<Finding> out = new ArrayList<>();
        for (LinkObservation link : links) {
            evaluate(link, now, certificateWarning, out);
        }
        return List.copyOf(out);
    }

    private static void evaluate(LinkObservation link, Instant now, Duration certWarning, List<Finding> out) {
        Target target = Target.database(link.linkName(), link.database());
        Optional<End> sql = link.sqlServer();
        Optional<End> mi = link.managedInstance();
        if (sql.isEmpty() || mi.isEmpty()) {
            String missing = sql.isEmpty() && mi.isEmpty() ? "neither end" : sql.isEmpty()
                    ? "the managed instance only (SQL Server has no distributed availability group of that name)"
                    : "SQL Server only (the managed instance has no link resource of that name)";
            out.add(Finding.of(BOTH_ENDS, target).fail("The link exists on " + missing + ".",
                    Evidence.of(missing, "both ends"), new Remediation(sql.isEmpty() && mi.isEmpty()
                            ? "Create it with milink link create."
                            : "A create or delete was interrupted: rerun milink link create (it continues) or "
                                    + "milink link delete (it removes what is left).", List.of())));
            return;
        }
        End s = sql.get();
        End m = mi.get();
        out.add(Finding.of(BOTH_ENDS, target).pass("The link exists on both ends.", Evidence.NONE));
        boolean connected = "CONNECTED".equalsIgnoreCase(s.connectedState())
                && "CONNECTED".equalsIgnoreCase(m.connectedState());
        String conn = "SQL Server " + s.connectedState() + ", managed instance " + m.connectedState();
        out.add(connected ? Finding.of(CONNECTED, target).pass("Both ends are connected.", Evidence.of(conn, ""))
                : Finding.of(CONNECTED, target).fail("The link is not connected: " + conn + ".",
                Evidence.of(conn, "CONNECTED on both ends"),
                new Remediation("See the most recent link error (MIL-L6) and test the network.", List.of())));
        out.add(health(target, s, m));
        out.add(roles(target, s, m));
        out.add(lag(target, s, m));
        out.add(lastError(target, s, m));
        out.add(certificates(target, s, m, now, certWarning));
    }

    private static Finding health(Target target, End s, End m) {
        Optional<LinkObservation.Seeding> seeding = s.seeding().or(m::seeding);
        String state = "SQL Server " + s.synchronizationHealth() + " (" + s.state() + "), managed instance "
                + m.synchronizationHealth() + " (" + m.state() + ")";
        if (contains(m.state(), "Error") || contains(s.state(), "Error")) {
            return Finding.of(HEALTHY, target).fail("A step of the link failed: " + state + ".",
                    Evidence.of(state, "HEALTHY"), new Remediation("Delete the link (milink link delete) and create "
                            + "it again once the cause (MIL-L6) is fixed.", List.of()));
        }
        if (seeding.isPresent() || contains(m.state(), "CreatingLink") || contains(m.state(), "Seeding")) {
            String progress = seeding.map(LinkHealth::describe).orElse("seeding has not reported progress yet");
            return Finding.of(HEALTHY, target).info("Seeding: " + progress + ".", Evidence.of(progress, "seeded"),
                    Remediation.NONE);
        }
        if ("HEALTHY".equalsIgnoreCase(s.synchronizationHealth())
                && "HEALTHY".equalsIgnoreCase(m.synchronizationHealth())) {
            return Finding.of(HEALTHY, target).pass("The link is synchronizing and healthy.", Evidence.of(state, ""));
        }
        return Finding.of(HEALTHY, target).fail("The link is not healthy: " + state + ".",
                Evidence.of(state, "HEALTHY on both ends"),
                new Remediation("See the most recent link error (MIL-L6).", List.of()));
    }

    private static Finding roles(Target target, End s, End m) {
        String roles = "SQL Server " + s.role() + ", managed instance " + m.role();
        if (s.isPrimary() && m.isPrimary()) {
            return Finding.of(ROLES, target).fail("Split brain: both ends are PRIMARY (after a forced failover).",
                    Evidence.of(roles, "one PRIMARY, one SECONDARY"), new Remediation("Back up the old primary, then "
                            + "milink link failover --resolve-split-brain --keep <end> (prints the steps; --apply "
                            + "runs them).", List.of()));
        }
        if (!s.isPrimary() && !m.isPrimary()) {
            return Finding.of(ROLES, target).fail("Neither end is PRIMARY.", Evidence.of(roles, "one PRIMARY"),
                    new Remediation("A failover is in progress or failed; check again, then see MIL-L6.", List.of()));
        }
        return Finding.of(ROLES, target).pass((s.isPrimary() ? "SQL Server" : "The managed instance")
                + " is the primary.", Evidence.of(roles, ""));
    }

    private static Finding lag(Target target, End s, End m) {
        End primary = s.isPrimary() ? s : m;
        End secondary = s.isPrimary() ? m : s;
        String lsns = "hardened LSN primary " + primary.lastHardenedLsn() + ", secondary "
                + secondary.lastHardenedLsn();
        Long send = m.sendLagSeconds() != null ? m.sendLagSeconds() : s.sendLagSeconds();
        Long redo = m.redoLagSeconds() != null ? m.redoLagSeconds() : s.redoLagSeconds();
        String observed = lsns + "; send lag " + seconds(send) + ", redo lag " + seconds(redo);
        boolean behind = send != null && send > LAG_WARNING_SECONDS || redo != null && redo > LAG_WARNING_SECONDS;
        if (behind) {
            return Finding.of(LAG, target).warn("The secondary lags: " + observed + ".",
                    Evidence.of(observed, "at most " + LAG_WARNING_SECONDS + " s"),
                    new Remediation("Check bandwidth and the secondary's capacity before a planned failover.",
                            List.of()));
        }
        boolean same = primary.lastHardenedLsn() != null
                && primary.lastHardenedLsn().equals(secondary.lastHardenedLsn());
        return Finding.of(LAG, target).pass((same ? "The hardened LSNs match; " : "") + observed + ".",
                Evidence.of(observed, ""));
    }

    private static Finding lastError(Target target, End s, End m) {
        Optional<LinkObservation.LinkError> err = m.lastError().or(s::lastError);
        if (err.isEmpty() || err.get().number() == 0) {
            return Finding.of(LAST_ERROR, target).pass("No link error reported.", Evidence.NONE);
        }
        LinkObservation.LinkError e = err.get();
        Optional<LinkErrors.Explanation> ex = LinkErrors.explain(e.number());
        String meaning = ex.map(LinkErrors.Explanation::meaning).orElse(e.description());
        String action = ex.map(x -> x.action() + " (" + x.source() + ")")
                .orElse("Look the error up in the SQL Server error log of both ends.");
        return Finding.of(LAST_ERROR, target).warn("Most recent link error " + e.number() + (e.at() == null ? ""
                        : " at " + e.at()) + ": " + meaning, Evidence.of(e.number() + ": " + e.description(), "none"),
                new Remediation(action, List.of()));
    }

    private static Finding certificates(Target target, End s, End m, Instant now, Duration warning) {
        List<String> expired = new ArrayList<>();
        List<String> soon = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (var e : List.of(java.util.Map.entry("SQL Server", s), java.util.Map.entry("managed instance", m))) {
            Instant exp = e.getValue().certificateExpiry();
            if (exp == null) {
                continue;
            }
            String what = e.getKey() + " trusts " + e.getValue().certificateName() + " until " + exp;
            seen.add(what);
            if (!exp.isAfter(now)) {
                expired.add(what);
            } else if (exp.isBefore(now.plus(warning))) {
                soon.add(what);
            }
        }
        if (seen.isEmpty()) {
            return Finding.of(CERTIFICATES, target).unknown("Neither end reported the certificate expiry.");
        }
        if (!expired.isEmpty()) {
            return Finding.of(CERTIFICATES, target).fail("Expired: " + String.join("; ", expired) + ".",
                    Evidence.of(String.join("; ", expired), "valid"), new Remediation("Rotate SQL Server's endpoint "
                            + "certificate: create a new one, ALTER ENDPOINT to it, upload it to the managed "
                            + "instance, drop the old one.", List.of()));
        }
        if (!soon.isEmpty()) {
            return Finding.of(CERTIFICATES, target).warn("Expires soon: " + String.join("; ", soon) + ".",
                    Evidence.of(String.join("; ", soon), "valid for " + warning.toDays() + " days or more"),
                    new Remediation("Rotate SQL Server's endpoint certificate before it expires.", List.of()));
        }
        return Finding.of(CERTIFICATES, target).pass(String.join("; ", seen) + ".", Evidence.NONE);
    }

    /** "42 % of 10.0 GiB, 12.5 MiB/s, about 9 min left". */
    public static String describe(LinkObservation.Seeding s) {
        if (!s.sizesKnown()) {
            return s.percent() + " %";
        }
        StringBuilder b = new StringBuilder().append(s.percent()).append(" % of ").append(bytes(s.totalBytes()));
        if (s.bytesPerSecond() > 0) {
            b.append(", ").append(bytes((long) s.bytesPerSecond())).append("/s");
            long left = (long) ((s.totalBytes() - s.transferredBytes()) / s.bytesPerSecond());
            b.append(", about ").append(duration(Math.max(0, left))).append(" left");
        }
        return b.toString();
    }

    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    private static String seconds(Long s) {
        return s == null ? "unknown" : s + " s";
    }

    private static boolean contains(String s, String part) {
        return s != null && s.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT));
    }
}
