// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * MIL-D23: initial seeding must finish within the 6 days after which link creation is cancelled. Estimates the
 * seeding time from the data size at the two rates the troubleshooting guide uses as examples.
 */
public final class SeedingTimeCheck extends PerDatabaseCheck {

    /** Example rates from the troubleshooting guide (100 GB ≈ 1.2 h at 84 GB/h, ≈ 10 h at 10 GB/h). */
    static final double FAST_GB_PER_HOUR = 84.0;
    static final double SLOW_GB_PER_HOUR = 10.0;
    /** Link creation is cancelled automatically after this much seeding. */
    static final Duration SEEDING_LIMIT = Duration.ofDays(6);

    public static final CheckMetadata META = Meta.of("D23", "Initial seeding can finish within 6 days",
            Severity.WARNING, Meta.SQL_TO_MI, false, Meta.TROUBLESHOOT, """
                    Link creation is cancelled when initial seeding runs longer than 6 days, and seeding restarts \
                    from zero after any network break, restart or failover. milink has no bandwidth measurement \
                    yet, so it estimates from the allocated data file size (sys.master_files, type 0; an upper \
                    bound, as seeding copies only used pages) at the two example rates of the troubleshooting \
                    guide, 84 GB/h and 10 GB/h, and warns when the slow estimate exceeds 6 days. Parallel links \
                    share the bandwidth, so their sizes add up; trace flag 9567 (MIL-I6) compresses the seeding \
                    stream. Measure the real throughput (sys.dm_hadr_physical_seeding_stats during a test) \
                    before relying on either number.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.files() instanceof Fact.Unknown<Files> u) {
            return finding.unknown(Why.unreadable(db, "the data file size", u));
        }
        double gb = db.files().orElse(null).dataSizeMb() / 1024.0;
        double fastHours = gb / FAST_GB_PER_HOUR;
        double slowHours = gb / SLOW_GB_PER_HOUR;
        double limitHours = SEEDING_LIMIT.toHours();
        Evidence evidence = Evidence.of(String.format(Locale.ROOT,
                        "%.1f GB of data files: about %.1f h at 84 GB/h, %.1f h at 10 GB/h", gb, fastHours, slowHours),
                "seeding under 6 days (144 h)");
        if (slowHours <= limitHours) {
            return finding.pass(String.format(Locale.ROOT, "Seeding %s should take about %.1f h (84 GB/h) to "
                    + "%.1f h (10 GB/h), within the 6-day limit.", Why.quoted(db), fastHours, slowHours), evidence);
        }
        String message = fastHours > limitHours
                ? String.format(Locale.ROOT, "Seeding %s would exceed the 6-day limit even at 84 GB/h "
                        + "(about %.0f h); link creation would be cancelled.", Why.quoted(db), fastHours)
                : String.format(Locale.ROOT, "Seeding %s takes about %.0f h at 10 GB/h, beyond the 6-day limit "
                        + "(link creation is then cancelled); at 84 GB/h about %.1f h.", Why.quoted(db), slowHours,
                        fastHours);
        return finding.warn(message, evidence, new Remediation("Measure the bandwidth to the managed instance, "
                + "turn on trace flag 9567 (seeding compression), avoid parallel links during this seeding, and "
                + "reduce the data to seed (archive, drop unused data) or provision a faster connection.",
                List.of()));
    }

    public SeedingTimeCheck() {
        super(META);
    }
}
