// SPDX-License-Identifier: Apache-2.0
/**
 * The seam between the TDS protocol layer ({@code dev.milink.sandbox.tds}) and the catalog engine
 * ({@code dev.milink.sandbox.catalog}). The protocol layer decodes requests and encodes whatever the engine
 * emits through a {@link dev.milink.sandbox.engine.ResultSink}; the engine never sees bytes, the protocol
 * layer never sees SQL semantics. Not API: sandbox-internal.
 */
package dev.milink.sandbox.engine;
