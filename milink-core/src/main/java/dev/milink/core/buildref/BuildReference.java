// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import java.time.LocalDate;

/**
 * Dated reference data: known SQL Server builds and the link's minimum builds per major version, direction
 * and edition. Loaded from the bundled {@code buildref/sqlserver-builds.json} or a user file
 * ({@code --build-reference FILE}).
 *
 * @param lastUpdated when the data was last checked against Microsoft's lists
 * @since 0.1
 */
public record BuildReference(LocalDate lastUpdated) {
}
