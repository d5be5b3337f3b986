// SPDX-License-Identifier: Apache-2.0
/**
 * The managed instance end of the link through Azure Resource Manager. Start with {@link
 * dev.milink.azure.AzureManagedInstanceSource} (what the engine reads), {@link dev.milink.azure.ArmConnection} (one
 * credential and pipeline per run) and {@link dev.milink.azure.AzureCollector}; saved {@code az} output goes
 * through {@link dev.milink.azure.AzureOfflineFacts}. Reference: {@code docs/azure.md}.
 */
package dev.milink.azure;
