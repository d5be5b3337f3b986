// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import java.util.function.Function;

/**
 * A check that judges one part of the managed-instance end as ARM reported it (the instance resource, its failover
 * groups, the subnet, the subnet's route table): the shared frame reads that part and turns a read that failed into
 * UNKNOWN naming it ("The collation of managed instance 'mi' could not be read: …"), so each check class holds only
 * its judgement of the value.
 *
 * <pre>{@code
 * public final class FailoverGroupCheck extends MiPartCheck<List<String>> {
 *     public FailoverGroupCheck() { super(META, "the failover groups", ManagedInstanceFacts::failoverGroups); }
 *     protected Finding judge(Facts facts, ManagedInstanceFacts mi, List<String> groups, Finding.Builder finding) {
 *         return groups.isEmpty() ? finding.pass(...) : finding.fail(...);
 *     }
 * }
 * }</pre>
 *
 * @param <T> the part's value type
 */
public abstract class MiPartCheck<T> extends InstanceCheck {

    private final String what;
    private final Function<ManagedInstanceFacts, Fact<T>> part;

    /**
     * @param what the part as the UNKNOWN message names it, lower case ("the service tier")
     * @param part reads the part from the managed-instance end
     */
    protected MiPartCheck(CheckMetadata meta, String what, Function<ManagedInstanceFacts, Fact<T>> part) {
        super(meta);
        this.what = what;
        this.part = part;
    }

    @Override
    protected final Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ManagedInstanceFacts mi = MiFacts.of(facts);
        Fact<T> fact = part.apply(mi);
        if (!fact.isKnown()) {
            return unreadable(mi, fact, finding);
        }
        return judge(facts, mi, fact.orElse(null), finding);
    }

    /** The UNKNOWN finding for a part ARM did not give; a check overrides it to say what the part is needed for. */
    protected Finding unreadable(ManagedInstanceFacts mi, Fact<T> fact, Finding.Builder finding) {
        return finding.unknown(MiFacts.unreadable(mi, what, fact));
    }

    /** The finding for a part that was read; {@code finding} is started for this check and the instance. */
    protected abstract Finding judge(Facts facts, ManagedInstanceFacts mi, T value, Finding.Builder finding);

    /** A check of the managed instance resource itself (state, tier, collation, storage, update policy). */
    public abstract static class OfInstance extends MiPartCheck<ManagedInstance> {

        protected OfInstance(CheckMetadata meta, String what) {
            super(meta, what, ManagedInstanceFacts::instance);
        }
    }
}
