// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.model.ServerFacts.Identity;
import dev.milink.core.testing.TestFacts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Shared helpers for the instance check tests: a fixed clock at {@link TestFacts#NOW}, script lookup. */
final class MilInstanceFixture {

    static final CheckContext CONTEXT = CheckContext.of(BuildReferences.bundled())
            .withClock(Clock.fixed(TestFacts.NOW, ZoneOffset.UTC));

    private MilInstanceFixture() {
    }

    static Finding one(Check check, Facts facts) {
        return one(check, facts, CONTEXT);
    }

    static Finding one(Check check, Facts facts, CheckContext context) {
        List<Finding> findings = check.evaluate(facts, context);
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding, got " + findings);
        }
        return findings.getFirst();
    }

    static TestFacts linux() {
        return TestFacts.ready().host(Fact.of(new HostInfo("Linux", "Ubuntu", "22.04", null)));
    }

    static TestFacts namedInstance(String server, String instance) {
        return TestFacts.ready().identity(Fact.of(new Identity(server + "\\" + instance, server, instance,
                "SQL_Latin1_General_CP1_CI_AS", false)));
    }

    /** All scripts of one kind across the finding's steps, joined. */
    static String scripts(Finding f, ScriptKind kind) {
        return f.remediation().steps().stream().flatMap(s -> s.script(kind).stream())
                .map(s -> s.text()).collect(Collectors.joining("\n"));
    }

    static List<String> stepIds(Finding f) {
        return f.remediation().steps().stream().map(FixStep::id).toList();
    }

    static FixStep step(Finding f, String idSuffix) {
        return f.remediation().steps().stream().filter(s -> s.id().endsWith(idSuffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no step *" + idSuffix + " in " + stepIds(f)));
    }
}
