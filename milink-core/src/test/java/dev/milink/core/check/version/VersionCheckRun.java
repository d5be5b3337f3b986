// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.testing.TestFacts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** Runs a version check on hand-built facts with the bundled build reference. */
final class VersionCheckRun {

    static final HostInfo UBUNTU = new HostInfo("Linux", "Ubuntu", "22.04", null);

    private VersionCheckRun() {
    }

    static Finding run(Check check, Facts facts, Direction direction) {
        CheckContext context = CheckContext.of(BuildReferences.bundled())
                .withClock(Clock.fixed(TestFacts.NOW, ZoneOffset.UTC));
        List<Finding> findings = check.evaluate(facts.withLink(facts.link().withDirection(direction)), context);
        assertThat(findings).hasSize(1);
        assertThat(findings.getFirst().checkId()).isEqualTo(check.metadata().id());
        return findings.getFirst();
    }

    static Finding run(Check check, Facts facts) {
        return run(check, facts, Direction.SQL_TO_MI);
    }

    /** Ready facts (Windows Server 2022) on the given build, Enterprise edition. */
    static Facts build(String version) {
        return TestFacts.ready().version(version, "Enterprise Edition (64-bit)", 3).build();
    }

    static Facts linuxBuild(String version) {
        return TestFacts.ready().version(version, "Enterprise Edition (64-bit)", 3).host(Fact.of(UBUNTU)).build();
    }

    static Facts productUnknown() {
        return TestFacts.ready().product(Fact.unknown("SERVERPROPERTY was not readable: login failed")).build();
    }
}
