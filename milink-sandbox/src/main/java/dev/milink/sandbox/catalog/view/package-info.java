// SPDX-License-Identifier: Apache-2.0
/**
 * SQL Server catalog views, DMVs and msdb tables with their documented columns (written as the documentation lists
 * them, see {@link dev.milink.sandbox.catalog.view.CatalogView.Builder#columns}), rows computed from instance
 * state; one class per area, all listed in {@link dev.milink.sandbox.catalog.view.ViewRegistry}. Not API:
 * sandbox-internal.
 */
package dev.milink.sandbox.catalog.view;
