// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import dev.milink.azure.AzureError;
import dev.milink.core.error.MilinkException;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one ARM fix step.
 *
 * @param stepId    the fix step's id
 * @param request   the request sent, e.g. {@code PUT /subscriptions/…/securityRules/allow_mi_link_inbound}
 * @param outcome   applied, already done, or failed
 * @param message   one line for users (for a failure: the ARM error in plain words and what to do)
 * @param errorCode ARM's error code for a failure (e.g. ConflictingServerOperation), else empty
 * @since 0.2
 */
public record ArmStepResult(String stepId, String request, Outcome outcome, String message, String errorCode) {
    public ArmStepResult {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        errorCode = errorCode == null ? "" : errorCode;
    }

    public enum Outcome {
        /** ARM accepted the change and its operation succeeded. */
        APPLIED,
        /** Nothing to do: the desired state already exists (e.g. the certificate is trusted under another name). */
        ALREADY_DONE,
        /** ARM refused the change or its operation failed. */
        FAILED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** For a failed step: the error to stop with (ARM_WRITE_FAILED, exit code 4). */
    public Optional<MilinkException> asException() {
        return failed() ? Optional.of(new MilinkException(AzureError.ARM_WRITE_FAILED, "Fix step " + stepId
                + " failed (" + request + "): " + message)) : Optional.empty();
    }
}
