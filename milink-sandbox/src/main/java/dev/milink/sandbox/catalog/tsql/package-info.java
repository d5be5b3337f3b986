// SPDX-License-Identifier: Apache-2.0
/** T-SQL lexing, batch splitting and nesting-aware token search for the catalog engine. Not API: sandbox-internal. */
package dev.milink.sandbox.catalog.tsql;
