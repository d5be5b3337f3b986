// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import dev.milink.sandbox.catalog.CatalogEngine;
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

    private SandboxEstate(ArmStandIn arm, SandboxServer sqlServer, CatalogEngine sqlEngine) {
        this.arm = arm;
        this.sqlServer = sqlServer;
        this.sqlEngine = sqlEngine;
    }

    /** Starts the SQL Server end (when the scenario has one) and the ARM stand-in, on free loopback ports. */
    public static SandboxEstate start(AzureScenario scenario) throws IOException {
        Objects.requireNonNull(scenario, "scenario");
        CatalogEngine engine = scenario.sqlScenario == null ? null : CatalogEngine.create(scenario.sqlScenario);
        SandboxServer sql = engine == null ? null
                : SandboxServer.start(InstanceDef.of(scenario.sqlScenario.name, engine));
        try {
            return new SandboxEstate(ArmStandIn.start(scenario), sql, engine);
        } catch (IOException | RuntimeException e) {
            if (sql != null) {
                sql.close();
            }
            throw e;
        }
    }

    public ArmStandIn arm() { return arm; }

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
