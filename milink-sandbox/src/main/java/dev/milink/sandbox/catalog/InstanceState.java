// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.agent.AgentService;
import dev.milink.sandbox.catalog.command.BackupChain;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.scenario.Scenario;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live state of one simulated instance: its own copy of the scenario, which statements mutate, plus
 * runtime objects (stored procedures, Agent jobs). Readers and writers hold {@link #lock()}.
 *
 * <p>Tests inspect it through {@link CatalogEngine#state()}, e.g.
 * {@code engine.state().scenario().database("Sales").recovery}.
 */
public final class InstanceState {
    private final Scenario scenario;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger nextSpid = new AtomicInteger(51);
    private final Map<String, StoredProcedure> procedures = new ConcurrentHashMap<>();
    private final AgentService agent;
    private volatile LinkSimulation link = new LinkSimulation();

    InstanceState(Scenario template) {
        this.scenario = template.copy();
        CertificateKeys.ensure(scenario);
        Set<Integer> running = new LinkedHashSet<>(scenario.traceFlags.startup);
        running.addAll(scenario.traceFlags.running);
        scenario.traceFlags.running = new java.util.ArrayList<>(running);
        SandboxFileSystem fs = new SandboxFileSystem(scenario);
        for (Scenario.Database db : scenario.databases) {
            BackupChain.replay(scenario, db);
            db.backups.forEach(b -> fs.addFile(b.device));
        }
        this.agent = new AgentService(this);
    }

    public Scenario scenario() {
        return scenario;
    }

    public ReentrantLock lock() {
        return lock;
    }

    public AgentService agent() {
        return agent;
    }

    /** The link simulation this instance's distributed AGs take part in (its own one unless an estate shares one). */
    public LinkSimulation link() {
        return link;
    }

    /** Shares a link simulation with the other end (the ARM stand-in); see {@code SandboxEstate}. */
    public void attachLink(LinkSimulation shared) {
        this.link = java.util.Objects.requireNonNull(shared, "shared");
    }

    int nextSpid() {
        return nextSpid.getAndIncrement();
    }

    public boolean isSysadmin(Scenario.Login login) {
        return isMember(login, "sysadmin");
    }

    /** Server role membership; every login is in public. */
    public boolean isMember(Scenario.Login login, String role) {
        if (login == null) {
            return false;
        }
        if ("public".equalsIgnoreCase(role)) {
            return true;
        }
        return login.serverRoles.stream().anyMatch(r -> r.equalsIgnoreCase(role));
    }

    /** Whether the login holds a server permission, directly or through sysadmin / CONTROL SERVER. */
    public boolean hasPermission(Scenario.Login login, String permission) {
        if (login == null) {
            return false;
        }
        if (isSysadmin(login)) {
            return true;
        }
        return login.permissions.stream().anyMatch(p -> p.equalsIgnoreCase(permission)
                || p.equalsIgnoreCase("CONTROL SERVER"));
    }

    public StoredProcedure procedure(String database, String name) {
        return procedures.get(key(database, name));
    }

    public void putProcedure(String database, StoredProcedure p) {
        procedures.put(key(database, p.name()), p);
    }

    public boolean dropProcedure(String database, String name) {
        return procedures.remove(key(database, name)) != null;
    }

    private static String key(String database, String name) {
        return (database + "." + name).toLowerCase(Locale.ROOT);
    }

    /** A user stored procedure: parameter declarations and body text, run through the statement layer. */
    public record StoredProcedure(String name, java.util.List<dev.milink.sandbox.catalog.tsql.Token> parameters,
                                  String body) {}
}
