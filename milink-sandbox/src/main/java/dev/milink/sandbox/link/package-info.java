// SPDX-License-Identifier: Apache-2.0
/**
 * One simulated Managed Instance link shared by the sandbox SQL Server (catalog engine) and the ARM stand-in:
 * both ends read and change the same {@link dev.milink.sandbox.link.LinkSimulation}. Depends on no other sandbox
 * package. Contract: {@code docs/sandbox.md}, section "The simulated link".
 */
package dev.milink.sandbox.link;
