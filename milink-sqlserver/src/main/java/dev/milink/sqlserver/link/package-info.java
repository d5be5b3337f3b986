// SPDX-License-Identifier: Apache-2.0
/**
 * The SQL Server end of a link operation: reads the log-backup jobs, the link's state in the HADR views and
 * seeding DMVs, pauses and resumes jobs, runs the link's T-SQL steps, and keeps the saved state of an operation
 * so a rerun continues.
 */
package dev.milink.sqlserver.link;
