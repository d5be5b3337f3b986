// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.model.Fact;
import java.util.Objects;

/**
 * The result of one check on one target.
 *
 * @param checkId     the check's stable id
 * @param title       the check's title (copied for self-contained reports)
 * @param area        the check's area
 * @param status      outcome
 * @param severity    effective severity (the check's default unless configured or the finding says otherwise)
 * @param target      instance or database
 * @param message     one neutral sentence on what was found ("Trace flag 1800 is on but not a startup
 *                    parameter"); for SKIPPED and UNKNOWN it says why
 * @param evidence    observed vs. expected
 * @param remediation how to fix it; empty for PASS and SKIPPED; an UNKNOWN may carry the steps that settle
 *                    the question (e.g. upload a certificate milink cannot see on the managed instance)
 * @param suppression why the user suppressed it and what it was before; null unless status is SUPPRESSED
 * @since 0.1
 */
public record Finding(String checkId, String title, Area area, Status status, Severity severity, Target target,
                      String message, Evidence evidence, Remediation remediation, Suppression suppression) {

    /**
     * A requirement that is not met always carries the status of its effective severity (FAIL for a blocker, WARN
     * for a warning, INFO for a note), so the status alone says what the finding is.
     */
    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Evidence.NONE : evidence;
        remediation = remediation == null ? Remediation.NONE : remediation;
        if (status.isNotMet()) {
            status = Status.notMet(severity);
        }
        if ((status == Status.SUPPRESSED) != (suppression != null)) {
            throw new IllegalArgumentException("a SUPPRESSED finding needs its suppression, and only it has one");
        }
    }

    /** A finding without suppression. */
    public Finding(String checkId, String title, Area area, Status status, Severity severity, Target target,
                   String message, Evidence evidence, Remediation remediation) {
        this(checkId, title, area, status, severity, target, message, evidence, remediation, null);
    }

    /**
     * Why a finding was suppressed, and the status it had.
     *
     * @param was    the status before suppression
     * @param reason the user's reason, shown in every report (mandatory)
     */
    public record Suppression(Status was, String reason) {
        public Suppression {
            Objects.requireNonNull(was, "was");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a suppression needs a reason");
            }
        }
    }

    /** The same finding at another severity (a configured override); a requirement not met changes status too. */
    public Finding withSeverity(Severity s) {
        return new Finding(checkId, title, area, status, s, target, message, evidence, remediation, suppression);
    }

    /** The same finding, suppressed by the user for {@code reason}. */
    public Finding suppressed(String reason) {
        return new Finding(checkId, title, area, Status.SUPPRESSED, severity, target, message, evidence, remediation,
                new Suppression(status, reason));
    }

    /** Starts a finding for {@code check} on {@code target} with the check's own severity. */
    public static Builder of(CheckMetadata check, Target target) {
        return new Builder(check, target);
    }

    /** True for a FAIL: a blocker that is not met. */
    public boolean isBlocking() {
        return status == Status.FAIL;
    }

    /** Fluent construction so checks read as prose: {@code Finding.of(META, t).fail("…", evidence, fix)}. */
    public static final class Builder {
        private final CheckMetadata check;
        private final Target target;
        private Severity severity;

        private Builder(CheckMetadata check, Target target) {
            this.check = check;
            this.target = target;
            this.severity = check.severity();
        }

        public Builder severity(Severity s) {
            this.severity = s;
            return this;
        }

        public Finding pass(String message, Evidence evidence) {
            return build(Status.PASS, message, evidence, Remediation.NONE);
        }

        public Finding fail(String message, Evidence evidence, Remediation remediation) {
            return build(Status.FAIL, message, evidence, remediation);
        }

        /** A recommendation not met: WARN, or INFO at INFO severity; never blocking (a BLOCKER check warns at WARNING). */
        public Finding warn(String message, Evidence evidence, Remediation remediation) {
            if (severity == Severity.BLOCKER) {
                severity = Severity.WARNING;
            }
            return build(Status.WARN, message, evidence, remediation);
        }

        /** A note worth knowing, at INFO severity whatever the check's default. */
        public Finding info(String message, Evidence evidence, Remediation remediation) {
            severity = Severity.INFO;
            return build(Status.INFO, message, evidence, remediation);
        }

        /** The check itself failed (a bug); the message names the exception. */
        public Finding error(String message) {
            return build(Status.ERROR, message, Evidence.NONE, Remediation.NONE);
        }

        public Finding skipped(String reason) {
            return build(Status.SKIPPED, reason, Evidence.NONE, Remediation.NONE);
        }

        public Finding unknown(String reason) {
            return build(Status.UNKNOWN, reason, Evidence.NONE, Remediation.NONE);
        }

        /** UNKNOWN because {@code fact} could not be read: "{@code what} could not be read: <reason>." */
        public Finding unreadable(String what, Fact<?> fact) {
            String reason = fact.reason();
            return unknown(what + " could not be read: " + reason + (reason.endsWith(".") ? "" : "."));
        }

        /** UNKNOWN with what was seen and the steps that settle the question (they cannot be verified here). */
        public Finding unknown(String reason, Evidence evidence, Remediation remediation) {
            return build(Status.UNKNOWN, reason, evidence, remediation);
        }

        private Finding build(Status status, String message, Evidence evidence, Remediation remediation) {
            return new Finding(check.id(), check.title(), check.area(), status, severity, target, message,
                    evidence, remediation);
        }
    }
}
