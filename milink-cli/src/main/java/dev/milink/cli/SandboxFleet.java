// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sandbox instances started in this process for {@code milink demo} and {@code milink sandbox}: one per
 * scenario, each with the SQL login its scenario defines, reachable over TLS validated by the sandbox's own
 * trust store (never trust-all).
 */
final class SandboxFleet implements AutoCloseable {

    /** The scenario {@code demo} and {@code sandbox} use when none is named. */
    static final String DEFAULT_SCENARIO = "unprepared-2019";

    /** A running instance and the login to use on it (a fixed test password: this is a sandbox). */
    record Member(String scenario, SandboxInstance instance, String user, Secret password) {

        /** The certificate is issued to localhost, so connect by that name for host-name validation. */
        SqlTarget target() {
            return new SqlTarget("localhost", instance.port(), null);
        }

        String address() {
            return "localhost:" + instance.port();
        }

        ConnectionSettings settings() {
            SandboxCertificate cert = SandboxCertificate.get();
            return ConnectionSettings.of(target(), new Authentication.SqlLogin(user, password))
                    .withHostNameInCertificate("localhost")
                    .withTrustStore(cert.keystore(), Secret.of(cert.password()));
        }
    }

    private final SandboxServer server;
    private final List<Member> members;

    private SandboxFleet(SandboxServer server, List<Member> members) {
        this.server = server;
        this.members = members;
    }

    /**
     * @param scenarios scenario names, in order (a name may repeat)
     * @param firstPort port of the first instance, the next ones count up; 0 for free ports
     */
    static SandboxFleet start(List<String> scenarios, int firstPort) {
        List<InstanceDef> defs = new ArrayList<>();
        List<Scenario> loaded = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String scenario = scenarios.get(i);
            Scenario s = load(scenario);
            String name = scenario;
            for (int n = 2; !names.add(name); n++) {
                name = scenario + "-" + n;
            }
            loaded.add(s);
            defs.add(InstanceDef.of(name, CatalogEngine.create(s)).withPort(firstPort == 0 ? 0 : firstPort + i));
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(defs);
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot start the sandbox" + (firstPort == 0 ? ""
                    : " on port " + firstPort + (scenarios.size() > 1 ? "-" + (firstPort + scenarios.size() - 1) : ""))
                    + ": " + e.getMessage() + ".", e);
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            Scenario.Login login = sqlLogin(loaded.get(i), scenarios.get(i));
            members.add(new Member(scenarios.get(i), server.instance(defs.get(i).name()), login.name,
                    Secret.of(login.password)));
        }
        return new SandboxFleet(server, List.copyOf(members));
    }

    /** The member for a sandbox instance started elsewhere (the SQL Server end of a {@code SandboxEstate}). */
    static Member member(String scenario, SandboxInstance instance, Scenario s) {
        Scenario.Login login = sqlLogin(s, scenario);
        return new Member(scenario, instance, login.name, Secret.of(login.password));
    }

    List<Member> members() {
        return members;
    }

    @Override
    public void close() {
        server.close();
    }

    private static Scenario load(String name) {
        try {
            return Scenarios.load(name);
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, "Unknown sandbox scenario '" + name + "'. Scenarios: "
                    + String.join(", ", Scenarios.names()) + ".");
        }
    }

    /** The scenario's SQL login with a password: the one it names in {@code connectAs}, else a sysadmin one first. */
    private static Scenario.Login sqlLogin(Scenario s, String scenario) {
        return s.logins.stream()
                .filter(l -> l.password != null && l.canLogin && !l.disabled && !l.name.contains("\\"))
                .filter(l -> s.connectAs == null || l.name.equalsIgnoreCase(s.connectAs))
                .sorted((a, b) -> Boolean.compare(isSysadmin(b), isSysadmin(a)))
                .findFirst()
                .orElseThrow(() -> new MilinkException(CoreError.INTERNAL, "Sandbox scenario '" + scenario
                        + (s.connectAs == null ? "' defines no SQL login with a password."
                                : "' connects as '" + s.connectAs + "', which is not one of its SQL logins.")));
    }

    private static boolean isSysadmin(Scenario.Login l) {
        return l.serverRoles.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals("sysadmin"));
    }
}
