// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.arm.ArmHttp.Reply;
import dev.milink.sandbox.arm.ArmHttp.Request;
import dev.milink.sandbox.catalog.Values;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;

/**
 * {@code POST …/managedInstances/{mi}/tdeCertificates} with {@code {"properties":{"privateBlob":"<base64 PFX>",
 * "certPassword":"…"}}}: a TDE certificate with its private key for the MI. ARM has no read API for them; the
 * stand-in keeps what was uploaded under {@code <mi id>/tdeCertificates/<SHA-1 thumbprint>} in {@link ArmState}
 * (subject, thumbprint, expiry; never the key or password) for tests to check.
 */
final class TdeCertificates {
    private TdeCertificates() {}

    static Reply upload(Request r, ArmRouter router, ArmStandIn arm, String miId) {
        JsonNode body = ArmHttp.parse(r.body());
        JsonNode p = body == null ? null : body.get("properties");
        if (p == null || !p.path("privateBlob").isTextual()) {
            return ArmHttp.invalidBody("a body {\"properties\":{\"privateBlob\":\"<base64 PFX>\",\"certPassword\":…}} "
                    + "is required");
        }
        X509Certificate cert;
        try {
            byte[] pfx = Base64.getMimeDecoder().decode(p.get("privateBlob").asText());
            char[] password = p.path("certPassword").asText("").toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pfx), password);
            cert = null;
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate x) {
                    cert = x;
                    break;
                }
            }
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            cert = null;
        }
        if (cert == null) {
            return Reply.error(400, "InvalidTdeCertificate", "The private blob is not a PKCS#12 (PFX) file with a "
                    + "certificate and its private key that opens with the given password.");
        }
        String thumbprint;
        try {
            thumbprint = Values.hexUpper(Values.sha1(cert.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            return Reply.error(400, "InvalidTdeCertificate", "The certificate cannot be encoded.");
        }
        String id = miId + "/tdeCertificates/" + thumbprint;
        ObjectNode stored = ArmBodies.resource(id, thumbprint, ArmBodies.SQL + "/tdeCertificates");
        stored.putObject("properties").put("thumbprint", thumbprint)
                .put("subject", cert.getSubjectX500Principal().getName())
                .put("notAfter", cert.getNotAfter().toInstant().toString());
        return router.accepted(r, 202, null, () -> arm.state().put(id, stored), null);
    }
}
