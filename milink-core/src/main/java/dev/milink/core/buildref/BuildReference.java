// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import dev.milink.core.model.Direction;
import dev.milink.core.model.SqlVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dated reference data: the SQL Server builds Microsoft released (CUs, GDRs, service packs, Azure Connect packs)
 * and the Managed Instance link's minimum builds per major version, direction, edition and purpose. Version rules
 * live in this data, not in code, so a newer data file changes them without a new milink.
 *
 * <p>Get one from {@link BuildReferences#bundled()} (shipped with milink) or {@link BuildReferences#load} (the
 * CLI's {@code --build-reference FILE}):
 *
 * <pre>{@code
 * BuildReference ref = BuildReferences.bundled();
 * ref.describe(SqlVersion.parse("15.0.4261.1"));   // "SQL Server 2019 CU18 (15.0.4261.1)"
 * ref.minimum(15, Direction.SQL_TO_MI, Edition.STANDARD, LinkPurpose.CREATE_LINK); // CU20 15.0.4312.2
 * ref.stalenessNote(Clock.systemUTC());            // Optional note for reports when the data is > 90 days old
 * }</pre>
 *
 * @since 0.1
 */
public final class BuildReference {

    /** Age after which reports carry a staleness note. */
    public static final Duration STALE_AFTER = Duration.ofDays(90);

    private final LocalDate lastUpdated;
    private final List<String> sources;
    private final List<String> notes;
    private final Map<Integer, String> productNames;
    private final NavigableMap<Integer, List<KnownBuild>> builds;
    private final List<LinkMinimum> minimums;

    /**
     * Builds reference data from already validated parts; {@link BuildReferences} is the usual way in.
     *
     * @param builds per major version, ascending by version
     */
    public BuildReference(LocalDate lastUpdated, List<String> sources, List<String> notes,
                          Map<Integer, String> productNames, Map<Integer, List<KnownBuild>> builds,
                          List<LinkMinimum> minimums) {
        this.lastUpdated = Objects.requireNonNull(lastUpdated, "lastUpdated");
        this.sources = List.copyOf(sources);
        this.notes = List.copyOf(notes);
        this.productNames = Map.copyOf(productNames);
        TreeMap<Integer, List<KnownBuild>> copy = new TreeMap<>();
        builds.forEach((major, list) -> copy.put(major, list.stream()
                .sorted(Comparator.comparing(KnownBuild::version)).toList()));
        this.builds = copy;
        this.minimums = List.copyOf(minimums);
    }

    /** When the data was last checked against Microsoft's build lists. */
    public LocalDate lastUpdated() {
        return lastUpdated;
    }

    /** Where the data comes from (URLs and short descriptions). */
    public List<String> sources() {
        return sources;
    }

    /** What the data deliberately leaves out, and why. */
    public List<String> notes() {
        return notes;
    }

    /** "SQL Server 2019" for 15; "SQL Server major version 18" for a major the data doesn't name. */
    public String productName(int major) {
        return productNames.getOrDefault(major, "SQL Server major version " + major);
    }

    /** Known builds of one major version, ascending; empty when the data has none. */
    public List<KnownBuild> builds(int major) {
        return builds.getOrDefault(major, List.of());
    }

    /** The known build with exactly this four-part version. */
    public Optional<KnownBuild> find(SqlVersion version) {
        return builds(version.major()).stream().filter(b -> b.version().equals(version)).findFirst();
    }

    /**
     * A sentence-part naming a build for humans: "SQL Server 2019 CU18 (15.0.4261.1)" for a known build;
     * "SQL Server 2019, build 15.0.4270.0 (between CU18 and CU19)" between two known servicing levels;
     * "… (newer than the latest known CU32 (15.0.4430.1); the reference data may be stale)" past the data; and
     * "… (older than RTM (15.0.2000.5): a pre-release build)" before RTM.
     */
    public String describe(SqlVersion version) {
        String product = productName(version.major());
        Optional<KnownBuild> exact = find(version);
        if (exact.isPresent()) {
            KnownBuild b = exact.get();
            return product + " " + b.name() + " (" + version + (b.retired() ? ", retired by Microsoft" : "") + ")";
        }
        List<KnownBuild> known = builds(version.major());
        String build = product + ", build " + version;
        if (known.isEmpty()) {
            return build + (version.major() > lastKnownMajor() ? " (not in the reference data; it may be stale)" : "");
        }
        if (version.compareTo(known.getFirst().version()) < 0) {
            return build + " (older than " + known.getFirst().label() + ": a pre-release build)";
        }
        if (version.compareTo(known.getLast().version()) > 0) {
            return build + " (newer than the latest known " + known.getLast().label()
                    + "; the reference data may be stale)";
        }
        List<KnownBuild> levels = known.stream().filter(b -> b.kind().isServicingLevel()).toList();
        KnownBuild below = levels.stream().filter(b -> b.version().compareTo(version) < 0)
                .reduce((a, b) -> b).orElse(known.getFirst());
        Optional<KnownBuild> above = levels.stream().filter(b -> b.version().compareTo(version) > 0).findFirst();
        return build + above.map(a -> " (between " + below.name() + " and " + a.name() + ")")
                .orElseGet(() -> " (after " + below.label() + ")");
    }

    /**
     * The newest cumulative update or service pack of a major version that Microsoft hasn't pulled: CU32 for
     * SQL Server 2019, SP3 for 2016 (which has no CUs after SP3).
     */
    public Optional<KnownBuild> latestCumulativeUpdate(int major) {
        return builds(major).stream()
                .filter(b -> !b.retired() && (b.kind() == BuildKind.CU || b.kind() == BuildKind.SP))
                .reduce((a, b) -> b);
    }

    /** The documented minimum build for this major version, direction, edition and purpose, if there is one. */
    public Optional<LinkMinimum> minimum(int major, Direction direction, Edition edition, LinkPurpose purpose) {
        return minimums.stream().filter(m -> m.major() == major && m.appliesTo(direction, edition, purpose))
                .findFirst();
    }

    /** All documented minimums. */
    public List<LinkMinimum> minimums() {
        return minimums;
    }

    /** Whether any documented minimum lets this major version create a link in some direction. */
    public boolean supportsLink(int major) {
        return minimums.stream().anyMatch(m -> m.major() == major && m.purpose() == LinkPurpose.CREATE_LINK);
    }

    /** Whether this major version can create a link in the given direction (for any edition). */
    public boolean supportsLink(int major, Direction direction) {
        return minimums.stream().anyMatch(m -> m.major() == major && m.purpose() == LinkPurpose.CREATE_LINK
                && m.directions().contains(direction));
    }

    /** Whole days between {@link #lastUpdated()} and today (UTC) on the given clock. */
    public long ageInDays(Clock clock) {
        return ChronoUnit.DAYS.between(lastUpdated, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** True when the data is older than {@code maxAge} on the given clock. */
    public boolean isStale(Clock clock, Duration maxAge) {
        return ageInDays(clock) > maxAge.toDays();
    }

    /**
     * A one-line note for reports when the data is older than {@link #STALE_AFTER}: "Build reference data is 120
     * days old (2026-07-16); update milink or pass --build-reference FILE."
     */
    public Optional<String> stalenessNote(Clock clock) {
        return stalenessNote(clock, STALE_AFTER);
    }

    /** As {@link #stalenessNote(Clock)} with another threshold. */
    public Optional<String> stalenessNote(Clock clock, Duration maxAge) {
        if (!isStale(clock, maxAge)) {
            return Optional.empty();
        }
        return Optional.of("Build reference data is " + ageInDays(clock) + " days old (" + lastUpdated
                + "); update milink or pass --build-reference FILE.");
    }

    private int lastKnownMajor() {
        return builds.isEmpty() ? 0 : builds.lastKey();
    }

    @Override
    public String toString() {
        return "BuildReference[lastUpdated=" + lastUpdated + ", majors=" + builds.keySet() + "]";
    }
}
