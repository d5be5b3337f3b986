// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/**
 * Told about every request a {@link TdsServer} receives, before it is executed. Called from connection threads,
 * so implementations must be thread-safe.
 */
@FunctionalInterface
public interface RequestListener {

    /**
     * @param kind         what arrived
     * @param connectionId the server's id for the connection (1, 2, … per server)
     * @param message      sequence number of the TDS message on that connection; RPC calls sharing one message
     *                     (one round trip) share it
     * @param procedure    the RPC procedure name (sp_executesql, sp_execute, dbo.myproc …), else null
     * @param text         SQL text (for sp_execute the text prepared earlier), the login name, or null
     */
    void onRequest(RequestKind kind, long connectionId, int message, String procedure, String text);

    /** Ignores everything. */
    RequestListener NONE = (kind, connectionId, message, procedure, text) -> { };
}
