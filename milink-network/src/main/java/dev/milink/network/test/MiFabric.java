// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

/**
 * Where SQL Server must connect on the managed instance right now, read from its fabric DMVs (spec §2.1). The node
 * and port change after any failover of the managed instance, so milink reads them on every run.
 *
 * @param serverName   DnsRecordName: the managed instance's FQDN (probed on 5022)
 * @param node         {@code <primary node>.<ClusterName>}: the current primary node
 * @param hadrPort     HadrPort: that node's HADR port (in 11000-11999)
 * @param instanceName InstanceName: the app name of the instance's ManagedServer partition
 * @since 0.1
 */
public record MiFabric(String serverName, String node, int hadrPort, String instanceName) {}
