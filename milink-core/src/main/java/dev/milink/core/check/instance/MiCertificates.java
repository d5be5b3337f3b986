// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The managed instance's FQDN as MIL-I11, MIL-I12 and MIL-I13 see it: given with {@code --mi-fqdn}, or assumed
 * from the one certificate in master named like a managed instance in the public, US Government or China cloud.
 */
final class MiCertificates {

    static final List<String> DNS_SUFFIXES =
            List.of(".database.windows.net", ".database.usgovcloudapi.net", ".database.chinacloudapi.cn");

    /** @param assumed true when the FQDN was taken from a certificate name instead of the user */
    record MiName(String fqdn, boolean assumed) {
    }

    private MiCertificates() {
    }

    /** The given FQDN, else the only candidate certificate's name; empty when none or several. */
    static Optional<MiName> resolve(Facts facts) {
        ServerFacts s = facts.server();
        if (facts.link().managedInstanceFqdn().isPresent()) {
            return facts.link().managedInstanceFqdn().map(f -> new MiName(f.trim(), false));
        }
        List<String> candidates = candidates(s);
        return candidates.size() == 1 ? Optional.of(new MiName(candidates.getFirst(), true)) : Optional.empty();
    }

    /** Names of certificates in master that look like a managed instance FQDN. */
    static List<String> candidates(ServerFacts s) {
        return s.certificates().orElse(List.of()).stream().map(Certificate::name)
                .filter(n -> suffix(n).isPresent()).toList();
    }

    static Optional<String> suffix(String fqdn) {
        String lower = fqdn.toLowerCase(Locale.ROOT);
        return DNS_SUFFIXES.stream().filter(lower::endsWith).findFirst();
    }

    /** The issuer DNS pattern the root CAs are trusted for; the public cloud's unless the FQDN names another. */
    static String issuerPattern(Optional<MiName> mi) {
        return "*" + mi.flatMap(m -> suffix(m.fqdn())).orElse(DNS_SUFFIXES.getFirst());
    }

    static Optional<Certificate> named(ServerFacts s, String name) {
        return s.certificates().orElse(List.of()).stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
