// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/**
 * How an instance answers the client's PRELOGIN encryption request. TDS 8 ({@code encrypt=strict}) is accepted
 * by every mode except {@link #NOT_SUPPORTED}.
 */
public enum EncryptionSupport {
    /** No certificate: always ENCRYPT_NOT_SUP; {@code encrypt=true} clients give up. */
    NOT_SUPPORTED,
    /**
     * The sandbox default: no TLS at all for {@code encrypt=false} (ENCRYPT_NOT_SUP), full TLS for
     * {@code encrypt=true}. Cheapest for tests that do not care about TLS.
     */
    ON_REQUEST,
    /**
     * Like SQL Server with a certificate and Force Encryption off: {@code encrypt=false} clients get TLS for the
     * LOGIN7 packet only (ENCRYPT_OFF), {@code encrypt=true} clients get full TLS.
     */
    LOGIN_ONLY_WHEN_OFF,
    /** Like SQL Server with Force Encryption on: full TLS for every client (ENCRYPT_REQ). */
    REQUIRED;

    /** The PRELOGIN answer and the TLS scope for a client that sent {@code clientByte}. */
    Negotiated negotiate(int clientByte) {
        boolean wants = clientByte == PreLogin.ENCRYPT_ON || clientByte == PreLogin.ENCRYPT_REQ;
        return switch (this) {
            case NOT_SUPPORTED -> new Negotiated(PreLogin.ENCRYPT_NOT_SUP, TlsScope.NONE);
            case ON_REQUEST -> wants ? new Negotiated(PreLogin.ENCRYPT_ON, TlsScope.FULL)
                    : new Negotiated(PreLogin.ENCRYPT_NOT_SUP, TlsScope.NONE);
            case LOGIN_ONLY_WHEN_OFF -> wants ? new Negotiated(PreLogin.ENCRYPT_ON, TlsScope.FULL)
                    : clientByte == PreLogin.ENCRYPT_OFF ? new Negotiated(PreLogin.ENCRYPT_OFF, TlsScope.LOGIN_ONLY)
                    : new Negotiated(PreLogin.ENCRYPT_NOT_SUP, TlsScope.NONE);
            case REQUIRED -> new Negotiated(PreLogin.ENCRYPT_REQ, TlsScope.FULL);
        };
    }

    /** What TLS covers after PRELOGIN. */
    enum TlsScope { NONE, LOGIN_ONLY, FULL }

    /** A PRELOGIN encryption answer and what it implies. */
    record Negotiated(int answer, TlsScope scope) {}
}
