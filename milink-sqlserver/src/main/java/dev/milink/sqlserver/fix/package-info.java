// SPDX-License-Identifier: Apache-2.0
/**
 * Applying fix plans: {@link dev.milink.sqlserver.fix.FixExecutor}, the only code in milink that changes a SQL
 * Server, with its progress listener, result, secrets and the database master key password helpers.
 */
package dev.milink.sqlserver.fix;
