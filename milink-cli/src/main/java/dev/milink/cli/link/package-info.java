// SPDX-License-Identifier: Apache-2.0
/**
 * {@code milink link create | status | failover | delete}: thin picocli commands over the engine's
 * {@code LinkOperations} ({@code Milink.link}).
 */
package dev.milink.cli.link;
