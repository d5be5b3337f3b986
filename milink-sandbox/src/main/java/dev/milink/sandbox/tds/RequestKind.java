// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/** The kinds of client requests the sandbox records. */
public enum RequestKind {
    /** LOGIN7 (the text is the login name; never the password or token). */
    LOGIN,
    /** SQL_BATCH. */
    BATCH,
    /** One RPC call (several may share one message: executeBatch). */
    RPC,
    /** ATTENTION: cancel or query timeout. */
    ATTENTION,
    /** Transaction manager request (distributed/API transactions); answered with DONE. */
    TRANSACTION_MANAGER
}
