// SPDX-License-Identifier: Apache-2.0
/** State-changing statements and system procedures of the catalog engine. Not API: sandbox-internal. */
package dev.milink.sandbox.catalog.command;
