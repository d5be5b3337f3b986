// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For tests that change the stand-in's state: a fresh stand-in for every test, started from one shipped Azure
 * scenario, with a client and the managed instance's id, so no test sees what another one wrote.
 */
abstract class FreshStandIn {
    private final String scenario;
    ArmStandIn arm;
    ArmClient client;
    String mi;

    FreshStandIn(String scenario) {
        this.scenario = scenario;
    }

    @BeforeEach
    final void start() throws IOException {
        arm = ArmStandIn.start(AzureScenarios.load(scenario));
        client = new ArmClient(arm);
        mi = arm.managedInstanceId();
    }

    @AfterEach
    final void stop() {
        arm.close();
    }
}
