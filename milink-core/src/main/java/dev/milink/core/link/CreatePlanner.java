// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.check.azure.support.ArmRequest;
import dev.milink.core.check.azure.support.Blobs;
import dev.milink.core.link.LinkStep.End;
import dev.milink.core.link.LinkStep.Kind;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.DistributedAvailabilityGroup;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.script.TSql;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plans {@code link create} in the documented order: certificate exchange both ways (matched by public key),
 * endpoint, then per database the availability group and the distributed availability group on SQL Server, the
 * log-backup pause, the ARM {@code distributedAvailabilityGroups} PUT, the wait for seeding, and the resume.
 * Steps the facts show as done are kept in the plan, marked done, so a rerun continues without duplicates.
 *
 * @since 0.3
 */
public final class CreatePlanner {

    private static final int DEFAULT_PORT = 5022;

    private CreatePlanner() {
    }

    public static LinkPlan plan(Facts facts, CreateOptions options) {
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<LinkStep> steps = new ArrayList<>();
        ServerFacts server = facts.server();
        Direction direction = facts.direction();
        List<String> databases = facts.link().databases();
        if (databases.isEmpty()) {
            refusals.add("No database named: give the databases the link carries with --database NAME "
                    + "(once per database).");
        }
        if (!(facts.managedInstance() instanceof Input.Present<ManagedInstanceFacts> present)) {
            refusals.add("The managed instance was not read: give --mi RESOURCE-ID; a link has two ends.");
            return new LinkPlan("create", "", steps, refusals, notes);
        }
        ManagedInstanceFacts mi = present.value();
        String miFqdn = facts.link().managedInstanceFqdn()
                .or(() -> mi.instance().asOptional().map(ManagedInstanceFacts.ManagedInstance::fullyQualifiedDomainName))
                .orElse("");
        if (miFqdn.isEmpty()) {
            refusals.add("The managed instance's host name is unknown (" + mi.instance().reason() + ").");
        }
        Optional<MirroringEndpoint> endpoint = server.mirroringEndpoint().orElse(List.of()).stream().findFirst();
        int port = endpoint.map(MirroringEndpoint::port).filter(p -> p > 0).orElse(DEFAULT_PORT);
        String endpointUrl = "TCP://" + options.sqlEndpointHost() + ":" + port;
        String serverName = server.identity().asOptional().map(ServerFacts.Identity::serverName).orElse("");
        if (serverName.isEmpty()) {
            refusals.add("SQL Server's name (@@SERVERNAME) could not be read: " + server.identity().reason());
        }
        int major = server.product().asOptional().map(p -> p.version().major()).orElse(0);
        if (direction == Direction.MI_TO_SQL && major > 0 && major < 16) {
            refusals.add("The managed instance can be the initial primary only with SQL Server 2022 CU10 or later"
                    + " (or 2025) and the matching update policy; this is SQL Server major version " + major
                    + ". Create the link from SQL Server (--direction sql-to-mi) instead.");
        }
        String clusterType = major == 13 ? "" : " WITH (CLUSTER_TYPE = NONE)";

        certificateSteps(server, mi, miFqdn, endpoint, options, steps, refusals);
        steps.add(endpointStep(endpoint, port, server));

        List<LinkNames> links = new ArrayList<>();
        boolean several = databases.size() > 1;
        List<AvailabilityGroup> sqlGroups = server.availabilityGroups().orElse(List.of());
        List<DistributedAvailabilityGroup> miLinks = mi.links().orElse(List.of());
        List<String> miDatabases = mi.databases().orElse(List.of()).stream()
                .map(ManagedInstanceFacts.MiDatabase::name).toList();
        for (String db : databases) {
            LinkNames n = LinkNames.of(db, facts.link().linkName().orElse(null), several);
            links.add(n);
            Optional<DistributedAvailabilityGroup> ours = find(miLinks, n.linkName());
            guardNames(n, ours, miLinks, miDatabases, direction, refusals);
            Map<String, String> v = LinkSql.names(n, miFqdn);
            v.put("server", serverName);
            v.put("endpointUrl", endpointUrl);
            v.put("clusterType", clusterType);
            // Server=[..];Database=[..] are bracket-quoted names inside the string: a ] in a name doubles
            String miListener = "tcp://" + miFqdn + ":5022;Server=" + TSql.quoteName(LinkSql.shortName(miFqdn))
                    + (direction == Direction.MI_TO_SQL ? ";Database=" + TSql.quoteName(db) : "");
            v.put("miListener", miListener);

            Optional<AvailabilityGroup> ag = sqlGroups.stream()
                    .filter(g -> !g.distributed() && g.name().equalsIgnoreCase(n.sqlAvailabilityGroup())).findFirst();
            LinkStep agStep = LinkStep.todo("create/" + db + "/ag", direction == Direction.SQL_TO_MI
                            ? "Create availability group " + TSql.quoteName(n.sqlAvailabilityGroup()) + " for "
                            + TSql.quoteName(db) + " on SQL Server"
                            : "Create availability group " + TSql.quoteName(n.sqlAvailabilityGroup())
                            + " without a database and GRANT CREATE ANY DATABASE, for seeding from the managed instance",
                    End.SQL_SERVER, Kind.TSQL,
                    LinkSql.render(direction == Direction.SQL_TO_MI ? "create-ag.sql" : "create-ag-empty.sql", v));
            if (ag.isPresent()) {
                List<String> has = ag.get().databases();
                boolean fits = direction == Direction.SQL_TO_MI
                        ? has.size() == 1 && has.get(0).equalsIgnoreCase(db)
                        : has.isEmpty() || has.size() == 1 && has.get(0).equalsIgnoreCase(db);
                if (fits) {
                    agStep = agStep.doneBecause("availability group " + n.sqlAvailabilityGroup() + " exists");
                } else {
                    refusals.add("SQL Server already has an availability group named " + n.sqlAvailabilityGroup()
                            + " with databases " + has + "; a link's availability group holds exactly its one "
                            + "database. Remove it or choose another link name.");
                }
            }
            steps.add(agStep);
            LinkStep dagStep = LinkStep.todo("create/" + db + "/dag", "Create distributed availability group "
                    + TSql.quoteName(n.linkName()) + " on SQL Server", End.SQL_SERVER, Kind.TSQL,
                    LinkSql.render("create-dag.sql", v));
            if (sqlGroups.stream().anyMatch(g -> g.distributed() && g.name().equalsIgnoreCase(n.linkName()))) {
                dagStep = dagStep.doneBecause("distributed availability group " + n.linkName() + " exists");
            }
            steps.add(dagStep);
        }

        List<LogBackupJob> affecting = direction == Direction.SQL_TO_MI
                ? LogBackupJobs.affecting(options.logBackupJobs(), databases).stream()
                        .filter(j -> j.enabled() || options.pausedEarlier().contains(j.jobId().toUpperCase(Locale.ROOT)))
                        .toList()
                : List.of();
        String jobIds = String.join("\n", affecting.stream().map(LogBackupJob::jobId).distinct().toList());
        boolean pausedBefore = !affecting.isEmpty() && affecting.stream().noneMatch(LogBackupJob::enabled);
        if (!affecting.isEmpty() && !options.pauseLogBackups() && !pausedBefore) {
            refusals.add("Log backups run on these databases while the link seeds, and a log backup during seeding "
                    + "breaks it (errors 1408/1412; the link must then be deleted and created again): "
                    + describe(affecting) + ". Disable these jobs until seeding ends, or rerun with "
                    + "--pause-log-backups to let milink disable exactly these jobs and enable them afterwards.");
        }
        boolean pausing = !affecting.isEmpty() && (options.pauseLogBackups() || pausedBefore);
        if (pausing) {
            LinkStep pause = LinkStep.todo("create/pause-log-backups", "Disable the log-backup jobs for the seeding: "
                    + describe(affecting), End.SQL_SERVER, Kind.PAUSE_JOBS, jobIds);
            steps.add(pausedBefore ? pause.doneBecause("an earlier run disabled them; they are enabled again after "
                    + "the seeding") : pause);
        }
        for (LinkNames n : links) {
            Optional<DistributedAvailabilityGroup> ours = find(miLinks, n.linkName());
            LinkStep put = LinkStep.todo("create/" + n.database() + "/link", "Create the link "
                            + n.linkName() + " on the managed instance (ARM PUT, long-running)",
                    End.MANAGED_INSTANCE, Kind.ARM_REQUEST,
                    ArmRequest.of("PUT", mi.resourceId() + "/distributedAvailabilityGroups/"
                            + pathSegment(n.linkName()) + "?api-version=" + options.apiVersion(),
                            linkBody(n, endpointUrl, direction)));
            if (ours.isPresent()) {
                put = put.doneBecause("the managed instance has link " + n.linkName());
            }
            steps.add(put);
        }
        steps.add(LinkStep.todo("create/wait-seeding", "Wait until the link is CONNECTED and seeding of "
                + String.join(", ", databases) + " ends", End.MANAGED_INSTANCE, Kind.WAIT_SEEDING,
                String.join("\n", links.stream().map(LinkNames::linkName).toList())));
        if (pausing) {
            steps.add(LinkStep.todo("create/resume-log-backups", "Enable the log-backup jobs again",
                    End.SQL_SERVER, Kind.RESUME_JOBS, jobIds));
        }
        if (direction == Direction.SQL_TO_MI) {
            notes.add("Seeding copies each database in full over the network; its size and the bandwidth decide "
                    + "how long it takes (it is cancelled after 6 days).");
        }
        String name = String.join(", ", links.stream().map(LinkNames::linkName).toList());
        return new LinkPlan("create", name, steps, refusals, notes);
    }

    private static void certificateSteps(ServerFacts server, ManagedInstanceFacts mi, String miFqdn,
                                         Optional<MirroringEndpoint> endpoint, CreateOptions options,
                                         List<LinkStep> steps, List<String> refusals) {
        List<Certificate> certs = server.certificates().orElse(List.of());
        String certName = endpoint.map(MirroringEndpoint::certificateName).orElse(null);
        Optional<Certificate> sqlCert = certs.stream().filter(c -> c.name().equals(certName)).findFirst();
        String sqlBlob = sqlCert.map(Certificate::publicBlobHex).map(Blobs::normalize).orElse("");
        String sqlThumb = sqlCert.map(Certificate::thumbprint).orElse("");
        Optional<ManagedInstanceFacts.TrustCertificate> trusted = mi.trustCertificates().orElse(List.of()).stream()
                .filter(t -> Blobs.same(t.publicBlobHex(), sqlBlob)
                        || !sqlThumb.isEmpty() && sqlThumb.equalsIgnoreCase(t.thumbprint()))
                .findFirst();
        if (sqlCert.isEmpty()) {
            refusals.add("SQL Server has no database mirroring endpoint with certificate authentication, or its "
                    + "certificate is missing; run milink fix first.");
        } else if (trusted.isPresent()) {
            steps.add(LinkStep.todo("create/trust-certificate", "Upload SQL Server's endpoint certificate "
                            + certName + " to the managed instance", End.MANAGED_INSTANCE, Kind.ARM_REQUEST, "")
                    .doneBecause("the managed instance trusts it already (as " + trusted.get().name() + ")"));
        } else if (sqlBlob.isEmpty()) {
            refusals.add("The public key of SQL Server's endpoint certificate " + certName + " could not be read "
                    + "(CERTENCODED), so it cannot be uploaded to the managed instance.");
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("properties", Map.of("publicBlob", "0x" + sqlBlob));
            steps.add(LinkStep.todo("create/trust-certificate", "Upload SQL Server's endpoint certificate "
                            + certName + " to the managed instance as a server trust certificate",
                    End.MANAGED_INSTANCE, Kind.ARM_REQUEST,
                    ArmRequest.of("PUT", mi.resourceId() + "/serverTrustCertificates/" + pathSegment(certName)
                            + "?api-version=" + options.apiVersion(), body)));
        }
        String miBlob = mi.endpointCertificate().asOptional().map(e -> Blobs.normalize(e.publicBlobHex())).orElse("");
        if (miBlob.isEmpty()) {
            refusals.add("The managed instance's endpoint certificate could not be read: "
                    + mi.endpointCertificate().reason());
            return;
        }
        Map<String, String> v = Map.of("blob", "0x" + miBlob, "fqdn", miFqdn.isEmpty() ? "mi" : miFqdn);
        LinkStep imp = LinkStep.todo("create/mi-certificate", "Import the managed instance's endpoint certificate "
                + "on SQL Server as " + TSql.quoteName(miFqdn), End.SQL_SERVER, Kind.TSQL,
                LinkSql.render("import-mi-certificate.sql", v));
        String thumb = Blobs.thumbprint(miBlob).orElse("");
        Optional<Certificate> held = certs.stream()
                .filter(c -> c.thumbprint() != null && c.thumbprint().equalsIgnoreCase(thumb)
                        || Blobs.same(c.publicBlobHex(), miBlob)).findFirst();
        if (held.isPresent()) {
            imp = imp.doneBecause("SQL Server holds it already (as " + held.get().name() + ")");
        }
        steps.add(imp);
    }

    private static LinkStep endpointStep(Optional<MirroringEndpoint> endpoint, int port, ServerFacts server) {
        String cert = endpoint.map(MirroringEndpoint::certificateName).orElse("");
        Map<String, String> v = Map.of("endpoint", "Hadr_endpoint", "port", Integer.toString(port),
                "certificate", cert.isEmpty() ? "certificate" : cert);
        LinkStep step = LinkStep.todo("create/endpoint", "Create the database mirroring endpoint on port " + port,
                End.SQL_SERVER, Kind.TSQL, LinkSql.render("create-endpoint.sql", v));
        return endpoint.isPresent() ? step.doneBecause("endpoint " + endpoint.get().name() + " exists") : step;
    }

    private static void guardNames(LinkNames n, Optional<DistributedAvailabilityGroup> ours,
                                   List<DistributedAvailabilityGroup> miLinks, List<String> miDatabases,
                                   Direction direction, List<String> refusals) {
        if (ours.isPresent()) {
            DistributedAvailabilityGroup d = ours.get();
            boolean same = d.databases().stream().anyMatch(x -> x.equalsIgnoreCase(n.database()))
                    && eq(d.partnerAvailabilityGroupName(), n.sqlAvailabilityGroup());
            if (!same) {
                refusals.add("The managed instance already has a link named " + n.linkName() + " for "
                        + d.databases() + " with partner availability group " + d.partnerAvailabilityGroupName()
                        + "; link names are unique on the managed instance. Choose another --link-name.");
            }
            return;
        }
        miLinks.stream().filter(d -> eq(d.instanceAvailabilityGroupName(), n.miAvailabilityGroup())).findFirst()
                .ifPresent(d -> refusals.add("The managed instance's link " + d.name() + " already uses the "
                        + "availability group name " + n.miAvailabilityGroup() + "; names are unique on the managed "
                        + "instance. Choose another --link-name or delete that link."));
        if (direction == Direction.SQL_TO_MI && miDatabases.stream().anyMatch(x -> x.equalsIgnoreCase(n.database()))) {
            refusals.add("The managed instance already has a database named " + n.database() + "; seeding creates "
                    + "it and names are unique on the managed instance. Drop or rename that database first.");
        }
    }

    private static Optional<DistributedAvailabilityGroup> find(List<DistributedAvailabilityGroup> links, String name) {
        return links.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    static Map<String, Object> linkBody(LinkNames n, String endpointUrl, Direction direction) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("databases", List.of(Map.of("databaseName", n.database())));
        p.put("partnerEndpoint", endpointUrl);
        p.put("instanceAvailabilityGroupName", n.miAvailabilityGroup());
        p.put("partnerAvailabilityGroupName", n.sqlAvailabilityGroup());
        p.put("failoverMode", "Manual");
        p.put("seedingMode", "Automatic");
        p.put("instanceLinkRole", direction == Direction.SQL_TO_MI ? "Secondary" : "Primary");
        return Map.of("properties", p);
    }

    static String describe(List<LogBackupJob> jobs) {
        return String.join("; ", jobs.stream().map(j -> "job '" + j.jobName() + "' step " + j.stepId() + " ("
                + j.databases().describe() + ")").toList());
    }

    /** One ARM path segment: percent-encoded (spaces as %20). */
    static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean eq(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
