// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/** A client sent bytes the sandbox cannot make sense of; the connection is closed. */
final class TdsProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TdsProtocolException(String message) { super(message); }
}
