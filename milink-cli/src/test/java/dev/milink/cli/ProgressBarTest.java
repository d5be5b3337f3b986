// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.engine.AssessmentListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet progress bar: what one redraw shows, and that nobody but a person at a terminal ever gets it. */
class ProgressBarTest {

    @Test
    void drawsTheShareDoneTheCountAndFailures() {
        assertThat(ProgressBar.render(0, 40, 0, 20)).isEqualTo("[....................]  0/40 instances");
        assertThat(ProgressBar.render(10, 40, 0, 20)).isEqualTo("[#####...............] 10/40 instances");
        assertThat(ProgressBar.render(39, 40, 2, 20))
                .isEqualTo("[###################.] 39/40 instances, 2 not assessed");
        assertThat(ProgressBar.render(1000, 1000, 0, 10)).isEqualTo("[##########] 1000/1000 instances");
    }

    @Test
    void redrawsInPlaceOnStderrAndErasesItselfAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err));
        bar.finished("a", true, 1, 2);
        bar.finished("b", false, 2, 2);
        assertThat(err.toString()).startsWith("\r[" + "#".repeat(ProgressBar.WIDTH / 2)
                        + ".".repeat(ProgressBar.WIDTH / 2) + "] 1/2 instances")
                .contains("\r[" + "#".repeat(ProgressBar.WIDTH) + "] 2/2 instances, 1 not assessed")
                .endsWith(" ".repeat(("[" + "#".repeat(ProgressBar.WIDTH) + "] 2/2 instances, 1 not assessed").length())
                        + "\r");
    }

    @Test
    void neverInPipesTestsOrCi() {
        assertThat(ProgressBar.wanted(Environment.of(Map.of()))).isFalse();
        assertThat(ProgressBar.wanted(new Environment(Map.of(), null, true))).isFalse();
        assertThat(ProgressBar.wanted(new Environment(Map.of("CI", "true"), null, true))).isFalse();
        StringWriter err = new StringWriter();
        Invocation inv = new Invocation(Environment.of(Map.of()), dev.milink.core.catalog.CheckCatalog::standard,
                new PrintWriter(new StringWriter()), new PrintWriter(err), new String[0]);
        assertThat(ProgressBar.forRun(inv, 100)).isSameAs(AssessmentListener.NONE);
    }
}
