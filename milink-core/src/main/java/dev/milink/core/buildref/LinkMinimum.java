// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import dev.milink.core.model.Direction;
import dev.milink.core.model.SqlVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lowest build of one major version that Microsoft documents for a link purpose and direction.
 *
 * @param major        major version, e.g. 15 for SQL Server 2019
 * @param directions   link directions the minimum applies to
 * @param editions     editions it applies to; empty for every supported edition
 * @param purpose      what the build is needed for
 * @param build        the minimum build (a known build in the same reference data)
 * @param prerequisite the build that must be installed before {@code build}, e.g. SP3 before the 2016 Azure
 *                     Connect pack
 * @param source       the Microsoft page the minimum comes from
 * @param note         one sentence for reports, e.g. "CU20 for every supported edition; one-way"
 * @param history      earlier documented minimums still seen in scripts and in the field
 * @since 0.1
 */
public record LinkMinimum(int major, Set<Direction> directions, Set<Edition> editions, LinkPurpose purpose,
                          SqlVersion build, Optional<SqlVersion> prerequisite, String source, String note,
                          List<String> history) {

    public LinkMinimum {
        directions = Set.copyOf(directions);
        editions = Set.copyOf(editions);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(prerequisite, "prerequisite");
        Objects.requireNonNull(source, "source");
        note = note == null ? "" : note;
        history = List.copyOf(history);
    }

    /** Whether this minimum governs the given direction, edition and purpose. */
    public boolean appliesTo(Direction direction, Edition edition, LinkPurpose p) {
        return purpose == p && directions.contains(direction) && (editions.isEmpty() || editions.contains(edition));
    }
}
