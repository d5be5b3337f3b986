// SPDX-License-Identifier: Apache-2.0
/**
 * Hosting sandbox SQL Server instances: {@link dev.milink.sandbox.server.SandboxServer} starts them on loopback
 * ports, each with its engine, encryption mode, mutable faults and {@link dev.milink.sandbox.server.RequestLog}.
 * The entry point for tests and for {@code milink sandbox}.
 */
package dev.milink.sandbox.server;
