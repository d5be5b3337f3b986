// SPDX-License-Identifier: Apache-2.0
/**
 * The sandbox's TDS 7.4 protocol layer: PRELOGIN, TLS inside TDS (and TDS 8 strict), LOGIN7, SQL_BATCH, RPC and
 * ATTENTION, spoken to the real mssql-jdbc driver, with SQL delegated to a {@link dev.milink.sandbox.engine.SqlEngine}.
 * The wire facts it relies on are in {@code shared/spec/test-doubles.md} §2. Not API: sandbox-internal; use
 * {@code dev.milink.sandbox.server.SandboxServer}.
 */
package dev.milink.sandbox.tds;
