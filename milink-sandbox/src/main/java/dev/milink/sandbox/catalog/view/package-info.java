// SPDX-License-Identifier: Apache-2.0
/** SQL Server catalog views, DMVs and msdb tables with their documented columns, computed from instance state. Not API: sandbox-internal. */
package dev.milink.sandbox.catalog.view;
