// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.link;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.azure.ArmConnection;
import dev.milink.azure.ArmResponse;
import dev.milink.azure.fix.ArmFixExecutor;
import dev.milink.azure.fix.ArmStepResult;
import dev.milink.azure.internal.ArmJson;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.error.MilinkException;
import dev.milink.core.link.LinkError;
import dev.milink.core.link.LinkNames;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.link.LinkStep;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The managed instance's end of a link through Azure Resource Manager: reads the
 * {@code distributedAvailabilityGroups} resource into a {@link LinkObservation.End} and sends the link's ARM
 * requests through {@link ArmFixExecutor} (long-running operations followed with azure-core-management's poller).
 *
 * @since 0.3
 */
public final class ArmLinkEnd implements LinkRunner.ManagedInstanceSide {

    private final ArmConnection arm;
    private final ArmFixExecutor executor;
    private final String miResourceId;
    private final String apiVersion;
    private final ArmFixExecutor.Progress progress;

    public ArmLinkEnd(ArmConnection arm, String miResourceId, String apiVersion, ArmFixExecutor.Progress progress) {
        this.arm = arm;
        this.executor = ArmFixExecutor.of(arm);
        this.miResourceId = miResourceId;
        this.apiVersion = apiVersion;
        this.progress = progress;
    }

    @Override
    public void send(LinkStep step) {
        send(step, progress);
    }

    /**
     * Sends the step's request; each poll of its long-running operation (status, time since ARM accepted it, what
     * it waits for) goes to {@code runner}'s {@link LinkRunner.Progress#polling}, the channel seeding uses too.
     */
    @Override
    public void send(LinkStep step, LinkRunner.Progress runner) {
        send(step, new ArmFixExecutor.Progress() {
            @Override
            public void report(String stepId, String message) {
                progress.report(stepId, message);
            }

            @Override
            public void polled(String stepId, String status, Duration elapsed, String waitingFor) {
                progress.polled(stepId, status, elapsed, waitingFor);
                runner.polling(step, new LinkRunner.Polling(status, elapsed, waitingFor));
            }
        });
    }

    private void send(LinkStep step, ArmFixExecutor.Progress to) {
        FixStep fix = new FixStep(step.id(), step.title(), FixStep.Phase.AZURE, 0, false, true,
                List.of(new Script(ScriptKind.ARM_REQUEST, step.text())), Optional.empty());
        ArmStepResult result = executor.apply(fix, to);
        result.asException().ifPresent(e -> {
            throw e;
        });
    }

    /** The managed instance's end of the link for {@code n}, or empty when it has no link of that name. */
    public Optional<LinkObservation.End> observe(LinkNames n) {
        String path = miResourceId + "/distributedAvailabilityGroups/"
                + URLEncoder.encode(n.linkName(), StandardCharsets.UTF_8).replace("+", "%20");
        ArmResponse r = arm.get(path, apiVersion);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.isSuccess()) {
            throw new MilinkException(LinkError.LINK_READ_FAILED, "Reading the link " + n.linkName() + " on the "
                    + "managed instance failed: " + r.describe());
        }
        JsonNode p = ArmJson.parse(r.body()).path("properties");
        JsonNode db = null;
        for (JsonNode d : p.path("databases")) {
            if (d.path("databaseName").asText().equalsIgnoreCase(n.database())) {
                db = d;
            }
        }
        if (db == null) {
            db = p.path("databases").path(0);
        }
        String role = p.path("instanceLinkRole").asText(null);
        Optional<LinkObservation.Seeding> seeding = Optional.empty();
        String progressText = db.path("seedingProgress").asText("");
        if (progressText.endsWith("%")) {
            // ARM reports a percentage only; sizes come from SQL Server's seeding DMV.
            int pct = Integer.parseInt(progressText.substring(0, progressText.length() - 1).strip());
            seeding = Optional.of(LinkObservation.Seeding.percentOnly(pct));
        }
        Optional<LinkObservation.LinkError> error = Optional.empty();
        String err = db.path("mostRecentLinkError").asText("");
        if (!err.isBlank()) {
            error = Optional.of(new LinkObservation.LinkError(number(err), err, null));
        }
        JsonNode cert = db.path("partnerAuthCertValidity");
        boolean primary = "Primary".equalsIgnoreCase(role);
        Boolean backup = db.hasNonNull("lastBackupLsn") || db.hasNonNull("lastBackupTime") ? Boolean.TRUE
                : primary ? Boolean.FALSE : null;
        return Optional.of(new LinkObservation.End(role == null ? null : role.toUpperCase(Locale.ROOT),
                db.path("connectedState").asText(null), db.path("synchronizationHealth").asText(null),
                db.path("replicaState").asText(null), db.path("lastHardenedLsn").asText(null),
                db.hasNonNull("instanceSendReplicationLagSeconds")
                        ? db.path("instanceSendReplicationLagSeconds").asLong() : null,
                db.hasNonNull("instanceRedoReplicationLagSeconds")
                        ? db.path("instanceRedoReplicationLagSeconds").asLong() : null,
                seeding, error, cert.path("certificateName").asText(null), instant(cert.path("expiryDate").asText(null)),
                backup));
    }

    private static int number(String text) {
        String digits = text.replaceAll("^\\D*(\\d+).*$", "$1");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
