// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A database mirroring endpoint. */
public final class Endpoint {
    public String name;
    public int id;
    public int port = 5022;
    public String ipAddress;
    /** STARTED, STOPPED, DISABLED. */
    public String state = "STARTED";
    /** ALL, PARTNER, WITNESS, NONE. */
    public String role = "ALL";
    /** e.g. CERTIFICATE, NEGOTIATE, "NEGOTIATE, CERTIFICATE". */
    public String authentication = "CERTIFICATE";
    public String certificate;
    /** REQUIRED, SUPPORTED, DISABLED. */
    public String encryption = "REQUIRED";
    /** e.g. AES, RC4, "AES, RC4". */
    public String algorithm = "AES";
}
