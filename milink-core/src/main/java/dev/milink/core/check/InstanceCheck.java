// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import java.util.List;
import java.util.Optional;

/**
 * A check that judges the instance with exactly one finding: the shared frame (metadata, the finding's target)
 * so each check class holds only its judgement.
 *
 * <pre>{@code
 * public final class SysadminCheck extends InstanceCheck {
 *     public static final CheckMetadata META = ...;
 *     public SysadminCheck() { super(META); }
 *     protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
 *         return facts.server().sysadmin().orElse(false) ? finding.pass(...) : finding.fail(...);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public abstract class InstanceCheck extends BaseCheck {

    protected InstanceCheck(CheckMetadata meta) {
        super(meta);
    }

    @Override
    public final List<Finding> evaluate(Facts facts, CheckContext context) {
        return List.of(evaluate(facts, context, onInstance(facts)));
    }

    /** The one finding on the instance; {@code finding} is started for this check and the instance. */
    protected abstract Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding);

    /**
     * UNKNOWN when the yes/no {@code fact} could not be read ("{@code what} could not be read: <reason>."), PASS
     * with {@code passed} when it is true; empty when it is false, where the check states what is missing.
     */
    protected static Optional<Finding> unreadableOrPass(Finding.Builder finding, Fact<Boolean> fact, String what,
                                                        String passed, Evidence evidence) {
        if (!fact.isKnown()) {
            return Optional.of(finding.unreadable(what, fact));
        }
        return fact.orElse(false) ? Optional.of(finding.pass(passed, evidence)) : Optional.empty();
    }

    /** A check that judges the instance with several findings (one per object found, or one per end of the link). */
    public abstract static class Several extends BaseCheck {

        protected Several(CheckMetadata meta) {
            super(meta);
        }

        @Override
        public final List<Finding> evaluate(Facts facts, CheckContext context) {
            return evaluate(facts, context, onInstance(facts));
        }

        /** At least one finding; {@code finding} is started for this check and the SQL Server instance. */
        protected abstract List<Finding> evaluate(Facts facts, CheckContext context, Finding.Builder finding);
    }
}
