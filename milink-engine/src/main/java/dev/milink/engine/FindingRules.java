// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.check.Finding;
import dev.milink.core.model.Facts;
import java.util.List;

/**
 * What happens to a link's findings after the checks ran and before the report is built: the place for
 * per-check configuration (severity overrides, suppressions with a reason, {@link Finding#withSeverity},
 * {@link Finding#suppressed}). The engine applies it to every assessment, the fix workflow's checks and the
 * network test's findings, so a suppressed finding never changes an exit code anywhere.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface FindingRules {

    /** No change. */
    FindingRules NONE = (facts, findings) -> findings;

    /** The findings to report for {@code facts}, in the same order. */
    List<Finding> apply(Facts facts, List<Finding> findings);
}
