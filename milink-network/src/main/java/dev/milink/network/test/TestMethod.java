// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

/** Where a hop was probed from. Only probes from the link's own endpoints prove anything about the link. */
public enum TestMethod {
    AGENT_JOB_ON_SQL_SERVER("SQL Agent job on SQL Server (Test-NetConnection)"),
    LOCAL_PROBE("TCP connect from this machine, which is the SQL Server host"),
    AGENT_JOB_ON_MANAGED_INSTANCE("SQL Agent job on the managed instance (Test-NetConnection)"),
    NONE("not tested");

    private final String description;

    TestMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
