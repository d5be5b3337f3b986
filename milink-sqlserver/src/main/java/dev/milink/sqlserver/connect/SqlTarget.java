// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

/**
 * A SQL Server instance address as users write it: {@code host}, {@code host,1433}, {@code host:1433} or
 * {@code host\INSTANCE}. Implemented by the collector engineer: parse() validates and explains bad input.
 *
 * @param host         DNS name or IP
 * @param port         TCP port, null when not given (1433, or SQL Browser for a named instance)
 * @param instanceName named instance, null for the default instance
 */
public record SqlTarget(String host, Integer port, String instanceName) {
}
