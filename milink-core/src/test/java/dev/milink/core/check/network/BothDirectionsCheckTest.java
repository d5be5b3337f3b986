// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.Assessor;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.NetworkFacts;
import dev.milink.core.model.NetworkFacts.Outcome;
import dev.milink.core.model.NetworkFacts.PathDirection;
import dev.milink.core.model.NetworkFacts.PathResult;
import dev.milink.core.testing.TestFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MIL-N9 on hand-built network results: one finding per path, advice as the fix, skipped without a test. */
class BothDirectionsCheckTest {

    private static final CheckContext CONTEXT = CheckContext.of(BuildReferences.bundled());

    private static PathResult path(PathDirection d, String host, Outcome outcome, String... advice) {
        return new PathResult(d, "the link's endpoint", host, 5022, "SQL Agent job", outcome, outcome.name()
                .toLowerCase(), null, outcome == Outcome.REACHABLE ? "" : "TcpTestSucceeded : False",
                List.of(advice));
    }

    private static List<Finding> run(Input<NetworkFacts> network) {
        Facts facts = TestFacts.ready().build().withNetwork(network);
        return Assessor.of(CheckCatalog.of(NetworkChecks.ALL)).evaluate(facts, CONTEXT,
                Assessor.DatabaseSelection.ALL_USER);
    }

    private static Input<NetworkFacts> tested(PathResult... paths) {
        return Input.of(new NetworkFacts(TestFacts.NOW, List.of(paths), List.of()));
    }

    @Test
    void bothDirectionsReachablePass() {
        List<Finding> f = run(tested(path(PathDirection.SQL_TO_MI, "mi.example", Outcome.REACHABLE),
                path(PathDirection.MI_TO_SQL, "10.0.0.4", Outcome.REACHABLE)));
        assertThat(f).extracting(Finding::status).containsExactly(Status.PASS, Status.PASS);
        assertThat(f.getFirst().message()).startsWith("SQL Server → managed instance, mi.example:5022");
    }

    @Test
    void aBlockedPathFailsWithTheHopsAdviceAsTheFix() {
        List<Finding> f = run(tested(path(PathDirection.SQL_TO_MI, "mi.example", Outcome.FILTERED,
                        "Allow TCP 5022 outbound to the MI subnet."),
                path(PathDirection.MI_TO_SQL, "10.0.0.4", Outcome.REACHABLE)));
        assertThat(f).extracting(Finding::status).containsExactly(Status.FAIL, Status.PASS);
        assertThat(f.getFirst().remediation().summary()).isEqualTo("Allow TCP 5022 outbound to the MI subnet.");
        assertThat(f.getFirst().evidence().observed()).contains("seen: TcpTestSucceeded : False");
    }

    @Test
    void notProvenAndUntestedPathsAreUnknownNeverPass() {
        List<Finding> f = run(tested(path(PathDirection.SQL_TO_MI, "mi.example", Outcome.NOT_PROVEN,
                "Run milink network probe on the SQL Server host."),
                path(PathDirection.SQL_TO_MI, "mi.example", Outcome.ERROR)));
        assertThat(f).extracting(Finding::status).containsExactly(Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN);
        assertThat(f.get(1).message()).contains("could not be tested");
        assertThat(f.get(2).message()).isEqualTo("No path managed instance → SQL Server was tested, so that"
                + " direction is not proven.");
    }

    @Test
    void withoutANetworkTestTheCheckIsSkippedWithTheReason() {
        List<Finding> f = run(Input.notGiven(Facts.NO_NETWORK_TEST));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.SKIPPED);
            assertThat(x.message()).isEqualTo(Facts.NO_NETWORK_TEST);
        });
    }

    @Test
    void anUnreadableTestIsUnknown() {
        assertThat(run(Input.unreadable("the test could not connect to the managed instance")))
                .extracting(Finding::status).containsExactly(Status.UNKNOWN);
    }
}
