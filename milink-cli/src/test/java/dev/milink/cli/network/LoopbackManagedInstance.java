// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import java.util.List;

/** The managed-instance sandbox scenario with its fabric on this machine, for tests of the two-way network test. */
public final class LoopbackManagedInstance {

    private LoopbackManagedInstance() {
    }

    /**
     * A copy of the {@code managed-instance} scenario whose DNS record is {@code dnsRecordName} and whose one
     * (primary) node, {@code 127.0.0} in cluster {@code 1}, is 127.0.0.1 with its HADR port at {@code hadrPort}.
     */
    public static Scenario scenario(String dnsRecordName, int hadrPort) {
        Scenario mi = Scenarios.load("managed-instance").copy();
        mi.fabric.dnsRecordName = dnsRecordName;
        mi.fabric.primaryNode = "127.0.0";
        mi.fabric.secondaryNodes = List.of();
        mi.fabric.clusterName = "1";
        mi.fabric.hadrPort = hadrPort;
        return mi;
    }
}
