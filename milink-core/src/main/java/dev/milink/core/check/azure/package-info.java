// SPDX-License-Identifier: Apache-2.0
/**
 * Checks that judge the managed-instance end of a link (read from Azure Resource Manager or saved {@code az}
 * output) and both ends together; {@link dev.milink.core.check.azure.AzureChecks#ALL} lists them, with those of
 * the {@code .network} and {@code .certificates} areas.
 */
package dev.milink.core.check.azure;
