// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.link.LinkSide;
import dev.milink.sandbox.link.LinkSide.Role;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.link.LinkSimulation.Seeding;
import dev.milink.sandbox.link.LinkState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Managed Instance end of the {@link LinkSimulation}: declares the ARM link resource to the simulation and
 * overlays the simulation's live state (roles, replica state, seeding, LSNs, errors, the MI's first full backup)
 * on the stored {@code distributedAvailabilityGroups} bodies; keeps the MI's databases in step with the link.
 */
final class LinkArm {
    private LinkArm() {}

    /** Before a request on the managed instance: report its certificates, count the round trip, sync databases. */
    static void beforeRequest(ArmStandIn arm, String miId, boolean observesLink) {
        LinkSimulation link = arm.link();
        if (link == null || link.isEmpty()) {
            return;
        }
        ObjectNode ep = arm.state().get(miId + "/endpointCertificates/DATABASE_MIRRORING");
        Set<String> trusted = new LinkedHashSet<>();
        for (ObjectNode t : arm.state().children(miId, "serverTrustCertificates")) {
            trusted.add(t.path("properties").path("publicBlob").asText());
        }
        link.reportMiCertificates(ep == null ? null : ep.path("properties").path("publicBlob").asText(null), trusted);
        if (observesLink) {
            link.roundTrip();
        }
        syncDatabases(arm, miId, link);
    }

    /** The MI's databases that a link seeds appear as it seeds them, and stay when the link is deleted. */
    private static void syncDatabases(ArmStandIn arm, String miId, LinkSimulation link) {
        for (LinkState l : link.links()) {
            if (l.mi() == null) {
                continue;
            }
            for (LinkState.DatabaseState d : l.databases()) {
                String id = miId + "/databases/" + d.name();
                String status = d.seeding() == Seeding.COMPLETED || d.source() == LinkSimulation.End.MANAGED_INSTANCE
                        ? "Online" : "Restoring";
                if (d.seeding() == Seeding.NOT_STARTED && d.source() == LinkSimulation.End.SQL_SERVER) {
                    continue;
                }
                if (!arm.state().exists(id)) {
                    ObjectNode db = ArmBodies.resource(id, d.name(), ArmBodies.SQL + "/databases");
                    db.put("location", arm.location());
                    ObjectNode p = db.putObject("properties");
                    p.put("collation", arm.scenario().managedInstance.collation);
                    p.put("status", status);
                    p.put("creationDate", d.seedingStart() == null ? null : d.seedingStart().toString());
                    arm.state().put(id, db);
                } else {
                    arm.state().update(id, db -> ((ObjectNode) db.with("properties")).put("status", status));
                }
            }
        }
    }

    /** The ARM body declared to the simulation. */
    static void created(ArmStandIn arm, String name, JsonNode p) {
        List<String> dbs = new ArrayList<>();
        p.path("databases").forEach(d -> dbs.add(d.path("databaseName").asText()));
        Role role = "Primary".equalsIgnoreCase(p.path("instanceLinkRole").asText("Secondary")) ? Role.PRIMARY
                : Role.SECONDARY;
        arm.link().miCreated(new LinkSide.Mi(name, p.path("instanceAvailabilityGroupName").asText(),
                p.path("partnerAvailabilityGroupName").asText(), p.path("partnerEndpoint").asText(), dbs, role,
                p.path("failoverMode").asText("Manual")));
    }

    /** The stored body with the simulation's live values; unchanged when the simulation does not know the link. */
    static ObjectNode overlay(ArmStandIn arm, ObjectNode dag) {
        LinkSimulation sim = arm.link();
        if (sim == null || dag == null) {
            return dag;
        }
        LinkState l = sim.link(dag.path("name").asText()).orElse(null);
        if (l == null || l.mi() == null) {
            return dag;
        }
        ObjectNode p = (ObjectNode) dag.with("properties");
        p.put("instanceLinkRole", l.miRole() == null ? null : cap(l.miRole()));
        if (l.sqlRole() != null) {
            p.put("partnerLinkRole", cap(l.sqlRole()));
        } else {
            p.putNull("partnerLinkRole");
        }
        p.put("replicationMode", l.miSynchronousCommit() ? "Sync" : "Async");
        ObjectNode validity = partnerCertificate(arm, sim, dag.path("id").asText());
        ArrayNode dbs = p.putArray("databases");
        long secondsPerStep = sim.settings().stepDuration().toSeconds();
        for (String name : l.mi().databases()) {
            LinkState.DatabaseState d = l.database(name);
            ObjectNode o = dbs.addObject();
            o.put("databaseName", name);
            o.put("instanceReplicaId", ArmBodies.uuid(dag.path("id").asText() + "/" + name + "/instance"));
            o.put("partnerReplicaId", ArmBodies.uuid(dag.path("id").asText() + "/" + name + "/partner"));
            boolean healthy = l.connected() && !l.splitBrain() && d != null && d.seeding() == Seeding.COMPLETED
                    && d.errorNumber() == 0;
            o.put("replicaState", replicaState(l, d));
            o.put("seedingProgress", d == null || d.seeding() == Seeding.NOT_STARTED ? "NotStarted"
                    : switch (d.seeding()) {
                        case COMPLETED -> "Completed";
                        case FAILED -> "Failed";
                        default -> (d.transferredBytes() * 100 / Math.max(1, d.sizeBytes())) + "%";
                    });
            o.put("synchronizationHealth", healthy ? "HEALTHY" : "NOT_HEALTHY");
            o.put("connectedState", l.connected() ? "CONNECTED" : "DISCONNECTED");
            long lsn = d == null ? 0 : d.miLsn();
            String at = d == null || d.miCommitTime() == null ? null : d.miCommitTime().toString();
            for (String f : List.of("lastReceived", "lastHardened", "lastCommit")) {
                o.put(f + "Lsn", lsn == 0 ? null : Long.toString(lsn));
                o.put(f + "Time", lsn == 0 ? null : at);
            }
            long sent = d == null || l.miRole() != Role.PRIMARY ? 0 : d.miLsn();
            o.put("lastSentLsn", sent == 0 ? null : Long.toString(sent));
            o.put("lastSentTime", sent == 0 ? null : at);
            boolean backup = d != null && d.miHasFullBackup();
            o.put("lastBackupLsn", backup ? Long.toString(d.miFirstFullBackupLsn()) : null);
            o.put("lastBackupTime", backup ? d.miFirstFullBackupTime().toString() : null);
            int error = l.initError() != 0 ? l.initError() : d == null ? 0 : d.errorNumber();
            o.put("mostRecentLinkError", error == 0 ? "" : Integer.toString(error));
            long lag = d == null || !healthy ? 0 : d.logSendQueueKb() / 480 * secondsPerStep;
            o.put("instanceSendReplicationLagSeconds", l.miRole() == Role.PRIMARY ? lag : 0);
            o.put("instanceRedoReplicationLagSeconds", l.miRole() == Role.SECONDARY ? lag : 0);
            if (validity != null) {
                o.set("partnerAuthCertValidity", validity.deepCopy());
            }
        }
        return dag;
    }

    /**
     * {@code partnerAuthCertValidity}: the server trust certificate holding the SQL Server's endpoint certificate,
     * with its expiry read from the DER; null when the MI trusts no such certificate.
     */
    private static ObjectNode partnerCertificate(ArmStandIn arm, LinkSimulation sim, String dagId) {
        String blob = sim.sqlEndpointCertificate();
        if (blob == null) {
            return null;
        }
        String miId = dagId.substring(0, dagId.toLowerCase(Locale.ROOT).indexOf("/distributedavailabilitygroups/"));
        for (ObjectNode t : arm.state().children(miId, "serverTrustCertificates")) {
            if (blob.equalsIgnoreCase(t.path("properties").path("publicBlob").asText())) {
                try {
                    java.security.cert.X509Certificate x = (java.security.cert.X509Certificate)
                            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                                    new java.io.ByteArrayInputStream(java.util.HexFormat.of().parseHex(blob)));
                    return ArmState.JSON.createObjectNode().put("certificateName", t.path("name").asText())
                            .put("expiryDate", x.getNotAfter().toInstant().toString());
                } catch (java.security.cert.CertificateException | IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String replicaState(LinkState l, LinkState.DatabaseState d) {
        if (l.initError() != 0) {
            return "LinkInitError";
        }
        if (d != null && d.errorNumber() != 0) {
            return "LinkCreationError";
        }
        return d != null && d.seeding() == Seeding.COMPLETED ? "LinkSynchronizing" : "CreatingLink";
    }

    static String cap(Role r) {
        return r.name().charAt(0) + r.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
