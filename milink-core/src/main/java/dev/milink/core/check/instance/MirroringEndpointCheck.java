// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.MilinkObjects;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** MIL-I8: a database mirroring endpoint exists, is started, has role ALL, certificate authentication and AES. */
public final class MirroringEndpointCheck extends InstanceCheck {

    static final String NEW_ENDPOINT_NAME = "database_mirroring_endpoint";
    static final int DEFAULT_PORT = 5022;
    /** Suggested port for a named instance: 5022 belongs to the default instance (MIL-I16). */
    static final int NAMED_INSTANCE_PORT = 5023;

    public static final CheckMetadata META = InstanceMeta.meta("I8",
            "The database mirroring endpoint suits the link", Area.CERTIFICATES, Severity.BLOCKER,
            InstanceMeta.BOTH, true, InstanceMeta.CONFIGURE_SCRIPTS, """
            The link connects to SQL Server's DATABASE_MIRRORING endpoint, which must be STARTED, have role ALL, \
            authenticate with a certificate and require AES encryption. Reads sys.database_mirroring_endpoints \
            joined to sys.tcp_endpoints. Without an endpoint the fix creates one (certificate from MIL-I9, port \
            5022, or 5023 on a named instance); an existing endpoint is altered, never dropped, because \
            availability groups may use it: Windows authentication is kept next to the certificate (dual \
            authentication) and RC4 next to AES when it was in use.""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.mirroringEndpoint().isKnown()) {
            return finding.unreadable("The database mirroring endpoint", s.mirroringEndpoint());
        }
        String expected = "STARTED, role ALL, CERTIFICATE authentication, encryption REQUIRED with AES";
        String certificate = EndpointCertificates.nameForEndpoint(s, context);
        List<MirroringEndpoint> all = s.mirroringEndpoint().orElse(List.of());
        List<MirroringEndpoint> endpoints = all.stream().filter(e -> !MilinkObjects.isNetworkTestObject(e.name()))
                .toList();
        Leftovers leftovers = Leftovers.of(facts, all);
        if (endpoints.isEmpty()) {
            Remediation create = createEndpoint(facts, context, certificate);
            if (!leftovers.isEmpty()) {
                List<FixStep> steps = new ArrayList<>(List.of(leftovers.step(facts)));
                steps.addAll(create.steps());
                return finding.fail("No database mirroring endpoint for the link exists; "
                        + leftovers.sentence(), Evidence.of("leftovers: " + leftovers.names(), expected),
                        new Remediation("Remove milink's leftover test objects, then " + create.summary()
                                .substring(0, 1).toLowerCase(Locale.ROOT) + create.summary().substring(1), steps));
            }
            return finding.fail("No database mirroring endpoint exists.",
                    Evidence.of("no DATABASE_MIRRORING endpoint", expected), create);
        }
        MirroringEndpoint e = endpoints.getFirst();
        Map<String, String> values = Map.of("endpoint", e.name(),
                "certificate", certificate, "windowsKind", windowsKind(e.connectionAuth()),
                "algorithms", upper(e.encryptionAlgorithm()).contains("RC4") ? "AES RC4" : "AES");
        List<String> problems = new ArrayList<>();
        StringBuilder alter = new StringBuilder(render("alter-header.sql", values));
        if (!"STARTED".equalsIgnoreCase(e.state())) {
            problems.add("state " + e.state());
            alter.append(render("alter-start.sql", values));
        }
        if (!"ALL".equalsIgnoreCase(e.role())) {
            problems.add("role " + e.role());
            alter.append(render("alter-role.sql", values));
        }
        boolean addsCertificate = !upper(e.connectionAuth()).contains("CERTIFICATE");
        if (addsCertificate) {
            problems.add("authentication " + e.connectionAuth() + " without a certificate");
            alter.append(render(values.get("windowsKind").isEmpty() ? "alter-authentication-certificate.sql"
                    : "alter-authentication-dual.sql", values));
        }
        if (!e.encryptionEnabled() || !upper(e.encryptionAlgorithm()).contains("AES")) {
            problems.add(e.encryptionEnabled() ? "encryption algorithm " + e.encryptionAlgorithm()
                    : "encryption disabled");
            alter.append(render("alter-encryption.sql", values));
        }
        Evidence evidence = Evidence.of("endpoint " + e.name() + ": " + e.state() + ", role " + e.role() + ", "
                + e.connectionAuth() + (e.certificateName() != null ? " [" + e.certificateName() + "]" : "")
                + ", encryption " + (e.encryptionEnabled() ? e.encryptionAlgorithm() : "disabled") + ", port "
                + e.port(), expected);
        if (problems.isEmpty() && !leftovers.isEmpty()) {
            return finding.warn("Endpoint " + e.name() + " suits the link, but " + leftovers.sentence(),
                    evidence, new Remediation("Remove milink's leftover test objects.",
                            List.of(leftovers.step(facts))));
        }
        if (problems.isEmpty()) {
            return finding.pass("Endpoint " + e.name() + " suits the link.", evidence);
        }
        List<FixStep> steps = new ArrayList<>();
        if (!leftovers.isEmpty()) {
            steps.add(leftovers.step(facts));
        }
        if (addsCertificate && EndpointCertificates.needsNew(s, context)) {
            steps.add(EndpointCertificates.createStep(facts, context, certificate));
        }
        steps.add(Fixes.appliableTsql(META.id(), facts, "alter-endpoint", "Adjust endpoint " + e.name()
                + " for the link", Fixes.SQL_ENDPOINT, new Script(ScriptKind.TSQL, alter.toString())));
        return finding.fail("Endpoint " + e.name() + " does not suit the link: " + String.join(", ",
                problems) + ".", evidence, new Remediation("Alter endpoint " + e.name()
                + " in place (it is never dropped).", steps));
    }

    private static Remediation createEndpoint(Facts facts, CheckContext context, String certificate) {
        boolean named = InstanceNames.of(facts.server()).named();
        Map<String, String> values = Map.of("endpoint", NEW_ENDPOINT_NAME,
                "certificate", certificate,
                "port", String.valueOf(named ? NAMED_INSTANCE_PORT : DEFAULT_PORT));
        List<FixStep> steps = new ArrayList<>();
        if (EndpointCertificates.needsNew(facts.server(), context)) {
            steps.add(EndpointCertificates.createStep(facts, context, certificate));
        }
        steps.add(Fixes.appliableTsql(META.id(), facts, "create-endpoint", "Create the database mirroring endpoint"
                + " on port " + values.get("port"), Fixes.SQL_ENDPOINT, Fixes.script(ScriptKind.TSQL, META.id(),
                "create-endpoint.sql", values)));
        return new Remediation("Create a database mirroring endpoint with certificate authentication and AES.",
                steps);
    }

    /**
     * Objects an interrupted {@code milink network test} left behind: its temporary endpoint, certificate and SQL
     * Agent jobs (prefix {@value MilinkObjects#NETWORK_TEST_PREFIX}). They are never the link's endpoint or
     * certificate.
     */
    private record Leftovers(List<String> jobs, List<String> endpoints, List<String> certificates) {

        static Leftovers of(Facts facts, List<MirroringEndpoint> all) {
            return new Leftovers(facts.server().milinkAgentJobs().orElse(List.of()).stream()
                    .filter(MilinkObjects::isNetworkTestObject).toList(),
                    all.stream().map(MirroringEndpoint::name).filter(MilinkObjects::isNetworkTestObject).toList(),
                    facts.server().certificates().orElse(List.of()).stream().map(c -> c.name())
                            .filter(MilinkObjects::isNetworkTestObject).toList());
        }

        boolean isEmpty() {
            return jobs.isEmpty() && endpoints.isEmpty() && certificates.isEmpty();
        }

        String names() {
            List<String> l = new ArrayList<>();
            jobs.forEach(n -> l.add("Agent job " + n));
            endpoints.forEach(n -> l.add("endpoint " + n));
            certificates.forEach(n -> l.add("certificate " + n));
            return String.join(", ", l);
        }

        String sentence() {
            return names() + " " + (jobs.size() + endpoints.size() + certificates.size() == 1 ? "is a leftover"
                    : "are leftovers")
                    + " of an interrupted milink network test, not part of the link.";
        }

        /** Jobs first; endpoints before certificates: a certificate an endpoint uses cannot be dropped. */
        FixStep step(Facts facts) {
            StringBuilder sql = new StringBuilder();
            jobs.forEach(n -> sql.append(render("drop-leftover-job.sql", Map.of("job", n))));
            endpoints.forEach(n -> sql.append(render("drop-leftover-endpoint.sql", Map.of("endpoint", n))));
            certificates.forEach(n -> sql.append(render("drop-leftover-certificate.sql", Map.of("certificate", n))));
            return Fixes.appliableTsql(META.id(), facts, "drop-test-leftovers", "Remove the leftovers of an"
                    + " interrupted milink network test (" + names() + ")", Fixes.SQL_LEFTOVERS,
                    new Script(ScriptKind.TSQL, sql.toString()));
        }
    }

    /** NTLM, KERBEROS or NEGOTIATE when the endpoint authenticates with Windows only; empty otherwise. */
    private static String windowsKind(String connectionAuth) {
        String auth = upper(connectionAuth);
        return List.of("NTLM", "KERBEROS", "NEGOTIATE").contains(auth) ? auth : "";
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }

    private static String render(String template, Map<String, String> values) {
        return Fixes.script(ScriptKind.TSQL, META.id(), template, values).text();
    }

    public MirroringEndpointCheck() {
        super(META);
    }
}
