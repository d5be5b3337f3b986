// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static dev.milink.engine.link.LinkEstate.sales;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.link.LinkStep;
import dev.milink.sandbox.arm.ArmStandIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-running ARM operations of the link (PUT of the link, DELETE) report each poll through the same
 * progress channel as the seeding: status, time since ARM accepted the request, what the step waits for.
 */
class LinkArmProgressSandboxTest {

    @TempDir
    Path stateDir;

    private record Poll(String stepId, LinkRunner.Polling poll) {}

    private static LinkRunner.Progress recording(List<Poll> polls, List<String> order) {
        return new LinkRunner.Progress() {
            @Override
            public void step(LinkStep step, String message) {
                order.add(step.id() + ": " + message);
            }

            @Override
            public void observed(List<LinkObservation> links) {
                order.add("observed");
            }

            @Override
            public void polling(LinkStep step, LinkRunner.Polling poll) {
                polls.add(new Poll(step.id(), poll));
                order.add(step.id() + ": poll " + poll.status());
            }
        };
    }

    @Test
    void thePutAndTheDeleteOfTheLinkReportEachPoll() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 3)) {
            e.estate.arm().setLro(new ArmStandIn.Lro(0, 3));   // three InProgress answers, then Succeeded
            List<Poll> polls = new ArrayList<>();
            List<String> order = new ArrayList<>();
            LinkPlan create = e.link.previewCreate(sales(), false, "10.20.0.4").plan();
            e.link.apply(create, sales(), recording(polls, order));

            List<Poll> put = polls.stream().filter(p -> p.stepId().equals("create/SalesDB/link")).toList();
            assertThat(put).extracting(p -> p.poll().status())
                    .containsExactly("InProgress", "InProgress", "InProgress", "Succeeded");
            assertThat(put).allSatisfy(p -> {
                assertThat(p.poll().waitingFor()).startsWith("PUT distributedAvailabilityGroups/DAG_SalesDB to finish");
                assertThat(p.poll().elapsed().isNegative()).isFalse();
            });
            assertThat(put.get(3).poll().elapsed()).isGreaterThanOrEqualTo(put.get(0).poll().elapsed());
            // the polls come between "running" and "done" of their step, before the seeding is observed
            int running = order.indexOf("create/SalesDB/link: running");
            int done = order.indexOf("create/SalesDB/link: done");
            assertThat(order.subList(running, done)).contains("create/SalesDB/link: poll InProgress")
                    .doesNotContain("observed");

            polls.clear();
            e.link.apply(e.link.planDelete(sales(), false), sales(), recording(polls, order));
            assertThat(polls).filteredOn(p -> p.stepId().startsWith("delete/")).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.poll().waitingFor())
                            .startsWith("DELETE distributedAvailabilityGroups/DAG_SalesDB to finish"));
        }
    }
}
