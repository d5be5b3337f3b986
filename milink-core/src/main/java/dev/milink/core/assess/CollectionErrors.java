// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import java.util.EnumSet;
import java.util.List;

/**
 * The finding a target gets when its facts could not be turned into a model at all, for a reason that is not the
 * server's fault to report as UNKNOWN (a value milink cannot interpret, a bug while collecting): ERROR, naming what
 * failed, so a fleet report shows the target with the reason instead of losing every other target with it.
 *
 * <pre>{@code
 * findings.add(CollectionErrors.error("sql07", e.getMessage()));
 * }</pre>
 *
 * @since 0.1
 */
public final class CollectionErrors {

    /** Not a check in the catalog: the one finding of a target that could not be assessed because of milink. */
    public static final CheckMetadata META = new CheckMetadata("MIL-C1",
            "milink can read the instance's facts", Area.VERSION, Scope.INSTANCE,
            dev.milink.core.check.Severity.BLOCKER, EnumSet.allOf(Direction.class), """
            Reported only when collecting or interpreting an instance's facts failed inside milink (a value it \
            cannot interpret, such as a five-part product version, or a bug), so no check could run on it. The \
            other instances of the run are assessed as usual.""", "docs/errors.md", List.of(), "0.1.0", false,
            List.of());

    private CollectionErrors() {
    }

    /** An ERROR finding on {@code instance} with {@code message} (which names the value or the exception). */
    public static Finding error(String instance, String message) {
        return Finding.of(META, Target.instance(instance)).error(message);
    }
}
