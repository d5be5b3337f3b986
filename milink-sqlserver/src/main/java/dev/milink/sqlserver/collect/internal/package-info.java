// SPDX-License-Identifier: Apache-2.0
/** Queries, batch building, result reading and the raw-rows-to-facts mapping of the collector. Not API. */
package dev.milink.sqlserver.collect.internal;
