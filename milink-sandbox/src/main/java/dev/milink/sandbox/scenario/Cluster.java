// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** sys.dm_hadr_cluster. */
public final class Cluster {
    public String name;
    public String quorumType = "NODE_MAJORITY";
    public String quorumState = "NORMAL_QUORUM";
}
