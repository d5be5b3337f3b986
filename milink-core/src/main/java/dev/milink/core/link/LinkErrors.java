// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.Map;
import java.util.Optional;

/**
 * What the link's error numbers mean and what to do, paraphrased from the link troubleshooting guide
 * (mi-link-spec section 4). Each entry names its source.
 *
 * @since 0.3
 */
public final class LinkErrors {

    /** One explained error. */
    public record Explanation(int number, String meaning, String action, String source) {}

    static final String TS = "https://learn.microsoft.com/azure/azure-sql/managed-instance/"
            + "managed-instance-link-troubleshoot-how-to";
    static final String CFG = "https://learn.microsoft.com/azure/azure-sql/managed-instance/"
            + "managed-instance-link-configure-how-to-scripts";

    private static final Map<Integer, Explanation> TABLE = Map.ofEntries(
            e(41962, "The link was not initiated within 5 minutes and the operation was aborted.",
                    "Test the network both ways (milink network test), then create the link again.", TS),
            e(41973, "SQL Server's endpoint certificate is not (correctly) imported into the managed instance.",
                    "Upload SQL Server's endpoint certificate as a server trust certificate (MIL-I10; milink fix).",
                    TS),
            e(41974, "The managed instance's endpoint certificate is not (correctly) imported into SQL Server.",
                    "Import it under the managed instance's FQDN and import the Azure root CAs (MIL-I11, MIL-I12).",
                    TS),
            e(41976, "The availability group is not responding.",
                    "Check the availability group names and parameters on both ends.", TS),
            e(41977, "The target database is not responsive.", "Check the link's parameters.", TS),
            e(41986, "The connection failed or the secondary is not responsive.",
                    "Check names, parameters and the network both ways.", TS),
            e(47521, "The secondary did not receive the request.",
                    "Check that the availability group and the database are healthy on the primary.", TS),
            e(1408, "The log on the primary was truncated during initial seeding: the log no longer overlaps "
                            + "with the secondary's copy (a log backup ran during seeding).",
                    "Delete the link and create it again, with log backups paused (--pause-log-backups).", TS),
            e(1412, "The log on the primary was truncated during initial seeding: the secondary's copy does not "
                            + "match the primary's log (a log backup ran during seeding).",
                    "Delete the link and create it again, with log backups paused (--pause-log-backups).", TS),
            e(1475, "The backup chain on the SQL Server primary must restart.",
                    "Take a full backup without COPY_ONLY on SQL Server.", CFG));

    private LinkErrors() {
    }

    private static Map.Entry<Integer, Explanation> e(int n, String meaning, String action, String source) {
        return Map.entry(n, new Explanation(n, meaning, action, source));
    }

    public static Optional<Explanation> explain(int number) {
        return Optional.ofNullable(TABLE.get(number));
    }

    /** The error numbers with an explanation, for docs and tests. */
    public static java.util.Set<Integer> known() {
        return java.util.Set.copyOf(TABLE.keySet());
    }
}
