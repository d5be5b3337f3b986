// SPDX-License-Identifier: Apache-2.0
/** The simulated SQL Server Agent: jobs, history and pluggable step runners. */
package dev.milink.sandbox.catalog.agent;
