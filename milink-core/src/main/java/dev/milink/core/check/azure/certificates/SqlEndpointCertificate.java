// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.certificates;

import dev.milink.core.check.azure.support.Blobs;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SQL Server's endpoint certificate as the managed instance must trust it: the certificate the mirroring endpoint
 * authenticates with, or without an endpoint the one in master whose private key the master key protects and that
 * expires last (the one a link setup reuses).
 */
final class SqlEndpointCertificate {

    private SqlEndpointCertificate() {
    }

    static Optional<Certificate> of(ServerFacts s) {
        List<Certificate> certificates = s.certificates().orElse(List.of());
        Optional<String> endpointCert = s.mirroringEndpoint().orElse(List.of()).stream().findFirst()
                .map(MirroringEndpoint::certificateName);
        if (endpointCert.isPresent()) {
            return certificates.stream().filter(c -> c.name().equals(endpointCert.get())).findFirst();
        }
        return certificates.stream()
                .filter(c -> "MK".equalsIgnoreCase(c.privateKeyEncryption()) && !c.name().startsWith("##"))
                .max(Comparator.comparing(Certificate::expiryDate, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The SHA-1 thumbprint: from sys.certificates, else computed from the public blob. */
    static String thumbprint(Certificate c) {
        String t = Blobs.normalize(c.thumbprint());
        return t.isEmpty() ? Blobs.thumbprint(c.publicBlobHex()).orElse("") : t;
    }
}
