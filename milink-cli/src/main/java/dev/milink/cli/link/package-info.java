// SPDX-License-Identifier: Apache-2.0
/**
 * {@code milink link create | status | failover | delete}: thin picocli commands over {@link
 * dev.milink.cli.link.LinkOperations} (which moves to the engine module once it lands).
 */
package dev.milink.cli.link;
