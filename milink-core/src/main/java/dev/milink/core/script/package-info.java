// SPDX-License-Identifier: Apache-2.0
/**
 * Emitting scripts safely: one escaping table per language ({@link dev.milink.core.script.Syntax}: T-SQL
 * identifiers and {@code N''} literals, PowerShell, POSIX shell, Bicep, JSON), {@link dev.milink.core.script.TSql}
 * for T-SQL built in Java, and {@link dev.milink.core.script.ScriptTemplate} for script text kept in resource files
 * with per-placeholder escaping.
 */
package dev.milink.core.script;
