// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.io.IOException;
import java.util.Objects;

/**
 * Both ends of a link from one Azure scenario: the sandbox SQL Server (TDS, its paired SQL scenario) and the ARM
 * stand-in, started together and stopped together.
 *
 * <pre>{@code
 * try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"))) {
 *     String jdbc = estate.sql().jdbcUrl() + ";user=sa;password=…";
 *     String mi = estate.arm().managedInstanceId();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SandboxEstate implements AutoCloseable {
    private final ArmStandIn arm;
    private final SandboxServer sqlServer;
    private final CatalogEngine sqlEngine;
    private final LinkSimulation link;

    private SandboxEstate(ArmStandIn arm, SandboxServer sqlServer, CatalogEngine sqlEngine, LinkSimulation link) {
        this.arm = arm;
        this.sqlServer = sqlServer;
        this.sqlEngine = sqlEngine;
        this.link = link;
    }

    /** Starts the SQL Server end (when the scenario has one) and the ARM stand-in, on free loopback ports. */
    public static SandboxEstate start(AzureScenario scenario) throws IOException {
        return start(scenario, LinkSimulation.Settings.defaults());
    }

    /**
     * Starts both ends sharing one {@link LinkSimulation} with these settings: the SQL Server's distributed AGs and
     * the MI's {@code distributedAvailabilityGroups} resources are the two halves of the same links.
     */
    public static SandboxEstate start(AzureScenario scenario, LinkSimulation.Settings linkSettings) throws IOException {
        Objects.requireNonNull(scenario, "scenario");
        LinkSimulation link = new LinkSimulation(linkSettings);
        CatalogEngine engine = scenario.sqlScenario == null ? null : CatalogEngine.create(scenario.sqlScenario);
        if (engine != null) {
            engine.attachLink(link);
        }
        SandboxServer sql = engine == null ? null
                : SandboxServer.start(InstanceDef.of(scenario.sqlScenario.name, engine));
        try {
            ArmStandIn arm = ArmStandIn.start(scenario);
            arm.attachLink(link);
            return new SandboxEstate(arm, sql, engine, link);
        } catch (IOException | RuntimeException e) {
            if (sql != null) {
                sql.close();
            }
            throw e;
        }
    }

    public ArmStandIn arm() { return arm; }

    /** The link simulation both ends share: advance it, inspect it, change its workload. */
    public LinkSimulation link() { return link; }

    /** The SQL Server end, or null for an Azure-only scenario. */
    public SandboxInstance sql() { return sqlServer == null ? null : sqlServer.instances().getFirst(); }

    /** The SQL Server end's engine (its live state), or null. */
    public CatalogEngine sqlEngine() { return sqlEngine; }

    @Override
    public void close() {
        arm.close();
        if (sqlServer != null) {
            sqlServer.close();
        }
    }
}
