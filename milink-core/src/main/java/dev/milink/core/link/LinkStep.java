// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a link operation, on one end.
 *
 * @param id          stable within the operation, e.g. {@code create/[Sales]/ag}; the saved state records done ids
 * @param title       what it does, for the plan
 * @param end         where it runs
 * @param kind        how: T-SQL, one ARM request ({@code {"method","path","body"}}), a wait, or a job pause/resume
 * @param text        the T-SQL, the ARM request JSON, or for WAIT/JOBS what is waited for
 * @param alreadyDone when the facts show it is done already: why (the step is shown, not run)
 * @since 0.3
 */
public record LinkStep(String id, String title, End end, Kind kind, String text, Optional<String> alreadyDone) {

    /** The end a step acts on. */
    public enum End { SQL_SERVER, MANAGED_INSTANCE }

    /** How a step acts. */
    public enum Kind {
        TSQL,
        ARM_REQUEST,
        /** Wait for the link to connect and follow seeding until every database is synchronizing. */
        WAIT_SEEDING,
        /** Wait until the hardened LSNs of both ends match and stay stable. */
        WAIT_LSNS,
        /** Disable the log-backup jobs named in {@code text} (job ids, one per line). */
        PAUSE_JOBS,
        /** Enable them again. */
        RESUME_JOBS
    }

    public LinkStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(alreadyDone, "alreadyDone");
    }

    public static LinkStep todo(String id, String title, End end, Kind kind, String text) {
        return new LinkStep(id, title, end, kind, text, Optional.empty());
    }

    public LinkStep doneBecause(String why) {
        return new LinkStep(id, title, end, kind, text, Optional.of(why));
    }

    public boolean isDone() {
        return alreadyDone.isPresent();
    }
}
