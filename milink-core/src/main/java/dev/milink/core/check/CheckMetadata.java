// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.model.Direction;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a check is, independent of any run. Docs pages, {@code milink checks explain} and SARIF rule descriptors
 * are generated from this.
 *
 * @param id          stable id used in config, suppressions, reports and docs, e.g. {@code MIL-I5}; never renamed
 *                    without keeping the old one in {@code aliases}
 * @param title       short neutral statement of the requirement, e.g. "Trace flag 1800 is a startup parameter"
 * @param area        report grouping
 * @param scope       instance or per database
 * @param severity    default severity when the requirement is not met
 * @param directions  link directions it applies to; in the other direction it reports SKIPPED
 * @param rationale   why it matters, what it reads, its assumptions and limits (Markdown, a few sentences)
 * @param docsUrl     the Microsoft documentation the requirement comes from
 * @param specRefs    rows of the requirements baseline it implements, e.g. ["I5"]
 * @param since       milink version that introduced it
 * @param fixable     whether milink can produce a remediation for it
 * @param aliases     former ids
 * @param needs       the parts of the link's facts it reads; without one of them it is SKIPPED or UNKNOWN
 * @since 0.1
 */
public record CheckMetadata(String id, String title, Area area, Scope scope, Severity severity,
                            Set<Direction> directions, String rationale, String docsUrl, List<String> specRefs,
                            String since, boolean fixable, List<String> aliases, Set<Part> needs) {

    /** A check that reads the SQL Server end only. */
    public CheckMetadata(String id, String title, Area area, Scope scope, Severity severity,
                         Set<Direction> directions, String rationale, String docsUrl, List<String> specRefs,
                         String since, boolean fixable, List<String> aliases) {
        this(id, title, area, scope, severity, directions, rationale, docsUrl, specRefs, since, fixable, aliases,
                Set.of(Part.SQL_SERVER));
    }

    public CheckMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(severity, "severity");
        directions = Set.copyOf(directions);
        specRefs = List.copyOf(specRefs);
        aliases = List.copyOf(aliases);
        needs = Set.copyOf(needs);
        if (!id.matches("[A-Z]+-[A-Z0-9][A-Z0-9.-]*")) {
            throw new IllegalArgumentException("check id must look like MIL-I5: " + id);
        }
    }

    public boolean appliesTo(Direction direction) {
        return directions.contains(direction);
    }

    /** The same metadata for a check that reads {@code parts} (and nothing else). */
    public CheckMetadata needing(Part... parts) {
        return new CheckMetadata(id, title, area, scope, severity, directions, rationale, docsUrl, specRefs, since,
                fixable, aliases, Set.of(parts));
    }
}
