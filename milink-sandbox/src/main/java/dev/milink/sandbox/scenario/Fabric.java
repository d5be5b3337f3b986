// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/** Service Fabric view of a Managed Instance (sys.dm_hadr_fabric_*). */
public final class Fabric {
    public String dnsRecordName;
    public String clusterName;
    public int hadrPort = 11002;
    public String instanceName;
    public String primaryNode = "DB123";
    public List<String> secondaryNodes = new ArrayList<>();
    public String serviceName;
    public String partitionId;

    /** Every node of the instance, the primary first (the order sys.dm_hadr_fabric_* list them in). */
    public List<String> nodes() {
        List<String> nodes = new ArrayList<>();
        nodes.add(primaryNode);
        nodes.addAll(secondaryNodes);
        return nodes;
    }
}
