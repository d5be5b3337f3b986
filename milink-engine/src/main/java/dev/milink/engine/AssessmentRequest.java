// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.model.NetworkFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to assess: the SQL Server ends (one link each, judged together in one report), the link's settings, and
 * optionally its managed-instance end and network test results. Plain values; change one with a {@code with…}.
 *
 * <pre>{@code
 * AssessmentRequest request = AssessmentRequest.of(List.of(Source.factsFile(Path.of("sql01-facts.txt"))))
 *         .withLink(LinkSettings.of(Direction.SQL_TO_MI).withDatabases(List.of("Sales")))
 *         .withFailOn(Severity.WARNING);
 * }</pre>
 *
 * @param sources         the SQL Server instances, in report order
 * @param link            direction, databases (empty = every user database), names
 * @param parallel        how many instances are read at once (at least 1)
 * @param failOn          BLOCKER: only failed blockers make the run "not ready"; WARNING: warnings too
 * @param managedInstance the managed-instance end, when given (else its checks are SKIPPED)
 * @param network         network test results, when the caller has some (else MIL-N9 is SKIPPED)
 * @param linkByLabel     settings for particular sources (by {@link Source#label()}, e.g. an inventory row's own
 *                        databases or direction) instead of {@code link}
 * @param listener        told as each source is read (progress over a fleet)
 * @param managedInstanceByLabel the managed-instance end of particular sources (by {@link Source#label()}, e.g. an
 *                        inventory row's own {@code mi}) instead of {@code managedInstance}; each distinct source is
 *                        read once, all at the same time
 * @since 0.2
 */
public record AssessmentRequest(List<Source> sources, LinkSettings link, int parallel, Severity failOn,
                                Optional<ManagedInstanceSource> managedInstance, Input<NetworkFacts> network,
                                Map<String, LinkSettings> linkByLabel, AssessmentListener listener,
                                Map<String, ManagedInstanceSource> managedInstanceByLabel) {

    /** Measured (docs/benchmarks.md): 500 servers at 20 ms RTT take 26 s with 4, 15 s with 16, same heap. */
    public static final int DEFAULT_PARALLEL = 16;

    public AssessmentRequest {
        sources = List.copyOf(sources);
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(managedInstance, "managedInstance");
        Objects.requireNonNull(network, "network");
        linkByLabel = Map.copyOf(linkByLabel);
        Objects.requireNonNull(listener, "listener");
        managedInstanceByLabel = Map.copyOf(managedInstanceByLabel);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an assessment needs at least one source");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be 1 or more, not " + parallel);
        }
        if (failOn == Severity.INFO) {
            throw new IllegalArgumentException("failOn is BLOCKER or WARNING");
        }
    }

    /** The sources, SQL Server to MI over every user database, 16 at a time, failing on blockers only. */
    public static AssessmentRequest of(List<Source> sources) {
        return new AssessmentRequest(sources, LinkSettings.of(Direction.SQL_TO_MI), DEFAULT_PARALLEL,
                Severity.BLOCKER, Optional.empty(), Input.notGiven(Facts.NO_NETWORK_TEST), Map.of(),
                AssessmentListener.NONE, Map.of());
    }

    public AssessmentRequest withLink(LinkSettings settings) {
        return new AssessmentRequest(sources, settings, parallel, failOn, managedInstance, network,
                linkByLabel, listener, managedInstanceByLabel);
    }

    public AssessmentRequest withParallel(int n) {
        return new AssessmentRequest(sources, link, n, failOn, managedInstance, network, linkByLabel, listener,
                managedInstanceByLabel);
    }

    public AssessmentRequest withFailOn(Severity s) {
        return new AssessmentRequest(sources, link, parallel, s, managedInstance, network, linkByLabel, listener,
                managedInstanceByLabel);
    }

    public AssessmentRequest withManagedInstance(ManagedInstanceSource source) {
        return new AssessmentRequest(sources, link, parallel, failOn, Optional.of(source), network,
                linkByLabel, listener, managedInstanceByLabel);
    }

    /** {@code settings} for the source labelled {@code label} (its own databases, direction, names). */
    public AssessmentRequest withLinkFor(String label, LinkSettings settings) {
        Map<String, LinkSettings> m = new HashMap<>(linkByLabel);
        m.put(label, Objects.requireNonNull(settings, "settings"));
        return new AssessmentRequest(sources, link, parallel, failOn, managedInstance, network, m, listener,
                managedInstanceByLabel);
    }

    public AssessmentRequest withListener(AssessmentListener l) {
        return new AssessmentRequest(sources, link, parallel, failOn, managedInstance, network, linkByLabel, l,
                managedInstanceByLabel);
    }

    /** The managed instance {@code source} for the source labelled {@code label} (an inventory row's own). */
    public AssessmentRequest withManagedInstanceFor(String label, ManagedInstanceSource source) {
        Map<String, ManagedInstanceSource> m = new HashMap<>(managedInstanceByLabel);
        m.put(label, Objects.requireNonNull(source, "source"));
        return new AssessmentRequest(sources, link, parallel, failOn, managedInstance, network, linkByLabel,
                listener, m);
    }

    /** The managed-instance end the source labelled {@code label} is judged with, if any. */
    public Optional<ManagedInstanceSource> managedInstanceFor(String label) {
        return Optional.ofNullable(managedInstanceByLabel.get(label)).or(this::managedInstance);
    }

    /** The settings the source labelled {@code label} is judged with. */
    public LinkSettings linkFor(String label) {
        return linkByLabel.getOrDefault(label, link);
    }

    public AssessmentRequest withNetwork(NetworkFacts results) {
        return new AssessmentRequest(sources, link, parallel, failOn, managedInstance, Input.of(results),
                linkByLabel, listener, managedInstanceByLabel);
    }
}
