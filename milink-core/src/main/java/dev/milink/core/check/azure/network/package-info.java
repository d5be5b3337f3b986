// SPDX-License-Identifier: Apache-2.0
/**
 * The managed instance's subnet: its network security group evaluated as Azure does ({@link
 * dev.milink.core.check.azure.network.NsgEvaluator}), its route table and its address overlap with SQL Server.
 */
package dev.milink.core.check.azure.network;
