// SPDX-License-Identifier: Apache-2.0
/**
 * Applying fix steps through Azure Resource Manager: {@link dev.milink.azure.fix.ArmFixExecutor} is the one code
 * path in milink that changes an Azure resource. Planning (dry run) happens elsewhere; this is the apply path.
 */
package dev.milink.azure.fix;
