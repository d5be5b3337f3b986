// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.ErrorDoc;
import dev.milink.core.error.ExitStatus;

/** Why a link operation stopped. */
public enum LinkError implements ErrorCode {
    /** The plan was refused (a guard): nothing was changed. */
    LINK_REFUSED(ExitStatus.NOT_READY, "A guard refused the operation: the message names each reason.",
            "Resolve what the message names, or take the documented way out it gives; then run the command again."),
    /** Waiting for seeding or matching LSNs took longer than milink waits. */
    LINK_WAIT_TIMED_OUT(ExitStatus.FIX_FAILED, "Seeding or a failover's LSN wait did not finish in time.",
            "Follow it with milink link status and rerun the command: it continues where it stopped."),
    /** The link failed (1408/1412 during seeding, a replica state with Error). */
    LINK_BROKEN(ExitStatus.FIX_FAILED, "The link reported an error state while milink waited.",
            "See milink link status for the explanation; delete the link and create it again."),
    /** An end could not be read. */
    LINK_READ_FAILED(ExitStatus.CONNECT, "Reading the link's state on one end failed (permissions, network).",
            "The message names the end and the answer; fix access and run the command again."),
    /** The run was interrupted. */
    LINK_INTERRUPTED(ExitStatus.FIX_FAILED, "The run was interrupted (Ctrl-C, SIGTERM).",
            "Rerun the same command: the saved state lets it continue without duplicates.");

    LinkError(ExitStatus exitStatus, String causedBy, String solution) {
        ErrorDoc.declare(this, exitStatus, causedBy, solution);
    }
}
