// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an operation has done so far, saved after every step so a rerun after Ctrl-C or a crash continues, and
 * {@code link status} can explain a half-made link. Holds no secrets.
 *
 * @param operation  create, failover, delete, ...
 * @param linkName   the links it acts on
 * @param startedAt  when the first run started
 * @param updatedAt  when this state was last saved
 * @param done       step ids done, in order
 * @param pausedJobs log-backup job ids milink disabled and has not enabled again
 * @param lastError  the step that failed last and why, or empty
 * @param finished   whether the operation completed
 * @since 0.3
 */
public record LinkRunState(String operation, String linkName, Instant startedAt, Instant updatedAt, List<String> done,
                           List<String> pausedJobs, String lastError, boolean finished) {

    public LinkRunState {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(linkName, "linkName");
        done = List.copyOf(done);
        pausedJobs = List.copyOf(pausedJobs);
        lastError = lastError == null ? "" : lastError;
    }

    public static LinkRunState start(String operation, String linkName, Instant now) {
        return new LinkRunState(operation, linkName, now, now, List.of(), List.of(), "", false);
    }

    public boolean isDone(String stepId) {
        return done.contains(stepId);
    }

    public LinkRunState withDone(String stepId, Instant now) {
        Set<String> d = new LinkedHashSet<>(done);
        d.add(stepId);
        return new LinkRunState(operation, linkName, startedAt, now, List.copyOf(d), pausedJobs, "", finished);
    }

    /** The same state with {@code stepIds} no longer done (e.g. the pause, after the jobs were enabled again). */
    public LinkRunState undone(java.util.Collection<String> stepIds, Instant now) {
        return new LinkRunState(operation, linkName, startedAt, now,
                done.stream().filter(d -> !stepIds.contains(d)).toList(), pausedJobs, lastError, finished);
    }

    public LinkRunState withPausedJobs(List<String> jobs, Instant now) {
        return new LinkRunState(operation, linkName, startedAt, now, done, jobs, lastError, finished);
    }

    public LinkRunState failed(String stepId, String why, Instant now) {
        return new LinkRunState(operation, linkName, startedAt, now, done, pausedJobs, stepId + ": " + why, false);
    }

    public LinkRunState completed(Instant now) {
        return new LinkRunState(operation, linkName, startedAt, now, done, pausedJobs, "", true);
    }

    /** For {@code status}: which steps an unfinished operation did and where it stopped. */
    public String explain() {
        if (finished) {
            return operation + " of " + linkName + " completed at " + updatedAt + ".";
        }
        return operation + " of " + linkName + " started " + startedAt + " did not finish: done " + done.size()
                + " step(s) (" + String.join(", ", done) + ")" + (lastError.isEmpty() ? "" : "; last failure " + lastError)
                + (pausedJobs.isEmpty() ? "" : "; log-backup jobs still disabled by milink: "
                + String.join(", ", pausedJobs)) + ". Rerun milink link " + operation + " to continue.";
    }
}
