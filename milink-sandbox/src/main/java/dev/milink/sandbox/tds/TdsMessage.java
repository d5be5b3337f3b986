// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/** A reassembled client message: the packet type and the concatenated payloads of its packets. */
record TdsMessage(int type, byte[] payload) {}
