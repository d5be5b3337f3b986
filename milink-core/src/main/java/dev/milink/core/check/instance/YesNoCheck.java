// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import java.util.function.Function;

/**
 * A requirement that is one yes/no fact of the instance (sysadmin, a master key, Always On): UNKNOWN when the
 * fact could not be read, PASS when it is true; when it is false the check says what is missing and how to fix it.
 */
abstract class YesNoCheck extends InstanceCheck {

    private final Function<ServerFacts, Fact<Boolean>> fact;
    private final String what;
    private final String passed;
    private final Evidence passEvidence;

    /**
     * @param fact         the yes/no fact
     * @param what         what it says, for the UNKNOWN message ("Membership of sysadmin")
     * @param passed       the PASS message
     * @param passEvidence observed and expected when it passes
     */
    YesNoCheck(CheckMetadata meta, Function<ServerFacts, Fact<Boolean>> fact, String what, String passed,
               Evidence passEvidence) {
        super(meta);
        this.fact = fact;
        this.what = what;
        this.passed = passed;
        this.passEvidence = passEvidence;
    }

    @Override
    protected final Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        return unreadableOrPass(finding, fact.apply(facts.server()), what, passed, passEvidence)
                .orElseGet(() -> notMet(facts, finding));
    }

    /** The finding when the fact is false: what is missing, and the fix. */
    abstract Finding notMet(Facts facts, Finding.Builder finding);
}
