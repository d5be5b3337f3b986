// SPDX-License-Identifier: Apache-2.0
/** T-SQL lexing and batch splitting for the catalog engine. Not API: sandbox-internal. */
package dev.milink.sandbox.catalog.tsql;
