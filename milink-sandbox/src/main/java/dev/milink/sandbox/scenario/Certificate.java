// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/** A certificate in a database (sys.certificates). */
public final class Certificate {
    public String name;
    public int id;
    public String subject;
    public String issuer;
    public String startDate;
    public String expiryDate;
    /** MK, NA, PW or SK. */
    public String privateKey = "MK";
    /** Hex of the DER public blob (what CERTENCODED returns); generated when absent. */
    public String blob;
    public String serialNumber;
    public String privateKeyLastBackup;
    /**
     * Hex of the private key in PKCS#8 (what CERTPRIVATEKEY returns, as PVK); generated with a real self-signed
     * {@link #blob} for a TDE protector that has neither. A throw-away sandbox key, never a user's.
     */
    public String privateKeyPkcs8;
    /** Patterns registered with sp_certificate_add_issuer. */
    public List<String> issuerFor = new ArrayList<>();
}
