// SPDX-License-Identifier: Apache-2.0
/**
 * The catalog engine: a SqlEngine that answers T-SQL from a scenario's state through SQL Server's catalog views;
 * start with {@link dev.milink.sandbox.catalog.CatalogEngine}. Each login gets a {@code CatalogSession} whose
 * {@code Interpreter} hands every statement to the class of its family ({@code Queries}, {@code SessionStatements},
 * {@code MessageStatements}, {@code Procedures}, {@code TempTables}, or {@code command.Commands} for statements that
 * change the instance). {@code docs/sandbox.md} ("Inside the engine") says where a new statement, view or scenario
 * setting goes.
 */
package dev.milink.sandbox.catalog;
