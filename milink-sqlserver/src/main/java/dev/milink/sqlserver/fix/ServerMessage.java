// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

/**
 * An informational message SQL Server sent while a step ran, e.g. {@code 3211 "10 percent processed."} from
 * {@code BACKUP … WITH STATS}.
 *
 * @param number   SQL Server message number
 * @param severity severity class (0-10 for information)
 * @param text     the message, with any secret masked
 * @since 0.1
 */
public record ServerMessage(int number, int severity, String text) {}
