// SPDX-License-Identifier: Apache-2.0
/** The catalog engine: a SqlEngine that answers T-SQL from a scenario's state through SQL Server's catalog views; start with {@link dev.milink.sandbox.catalog.CatalogEngine}. */
package dev.milink.sandbox.catalog;
