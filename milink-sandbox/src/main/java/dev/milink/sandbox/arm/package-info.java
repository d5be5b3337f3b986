// SPDX-License-Identifier: Apache-2.0
/**
 * The Azure Resource Manager stand-in: {@link dev.milink.sandbox.arm.ArmStandIn} serves an
 * {@link dev.milink.sandbox.arm.AzureScenario} (loaded by {@link dev.milink.sandbox.arm.AzureScenarios}) over HTTPS
 * to the real azure-core pipeline and azure-identity credentials, with long-running operations,
 * {@link dev.milink.sandbox.arm.ArmFault faults} and a {@link dev.milink.sandbox.arm.ArmRequestLog request log}.
 * Contract: {@code docs/sandbox.md}, section "ARM stand-in".
 */
package dev.milink.sandbox.arm;
