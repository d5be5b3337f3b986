// SPDX-License-Identifier: Apache-2.0
/**
 * The link commands as a library ({@link dev.milink.engine.link.LinkOperations}, from {@code Milink.link}): create,
 * status, failover and delete on both ends at once; plans as data, applied only on request.
 */
package dev.milink.engine.link;
