// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Facts;
import dev.milink.core.testing.TestFacts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Shared helpers for the Azure check tests: a fixed clock at {@link TestFacts#NOW}, one-finding runs. */
public final class AzureFixture {

    public static final CheckContext CONTEXT = CheckContext.of(BuildReferences.bundled())
            .withClock(Clock.fixed(TestFacts.NOW, ZoneOffset.UTC));

    private AzureFixture() {
    }

    /** Runs an instance check and returns its only finding. */
    public static Finding one(Check check, Facts facts) {
        List<Finding> findings = check.evaluate(facts, CONTEXT);
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding, got " + findings);
        }
        return findings.getFirst();
    }

    public static Finding one(Check check, TestFacts facts) {
        return one(check, facts.build());
    }

    /** All scripts of one kind across the finding's steps, joined. */
    public static String scripts(Finding f, ScriptKind kind) {
        return f.remediation().steps().stream().flatMap(s -> s.script(kind).stream()).map(s -> s.text())
                .collect(Collectors.joining("\n"));
    }

    public static FixStep onlyStep(Finding f) {
        if (f.remediation().steps().size() != 1) {
            throw new AssertionError("expected one step, got " + f.remediation().steps());
        }
        return f.remediation().steps().getFirst();
    }
}
