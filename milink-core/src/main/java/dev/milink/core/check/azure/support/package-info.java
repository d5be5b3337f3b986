// SPDX-License-Identifier: Apache-2.0
/**
 * Pieces the Azure checks share: metadata defaults, reading the managed-instance end, certificate blobs, and fix
 * steps for Azure Resource Manager (ARM requests and Azure CLI / PowerShell / Bicep text). Below
 * {@code check.azure} and its {@code .network} and {@code .certificates} areas, so they form no package cycle.
 */
package dev.milink.core.check.azure.support;
