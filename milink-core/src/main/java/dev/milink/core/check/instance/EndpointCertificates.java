// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.CheckContext;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The SQL Server endpoint certificate, shared by MIL-I8 (endpoint) and MIL-I9 (certificate): which certificate
 * the endpoint uses or would use, a safe name for a new one, and the step that creates it. The create step has
 * one id whichever check proposes it, so a plan creates the certificate once.
 */
final class EndpointCertificates {

    static final String FOLDER = "MIL-I9";
    /** Validity of a new certificate; long enough not to surprise, short enough to be rotated deliberately. */
    static final int VALIDITY_YEARS = 10;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    private EndpointCertificates() {
    }

    /** Whether {@code c} can authenticate the endpoint now: key protected by the master key, valid, safe name. */
    static boolean usable(Certificate c, Instant now) {
        return "MK".equalsIgnoreCase(c.privateKeyEncryption()) && c.expiryDate() != null
                && c.expiryDate().isAfter(now) && !c.name().contains("\\");
    }

    /**
     * {@code Cert_<server>_endpoint} with every character other than letters, digits, {@code _} and {@code -}
     * replaced by {@code _} (a named instance's {@code SQL01\SALES} becomes {@code SQL01_SALES}); when that name
     * is taken, today's date is appended so a rotation never collides with the certificate it replaces.
     */
    static String newName(ServerFacts s, CheckContext context) {
        String server = s.identity().asOptional().map(ServerFacts.Identity::serverName).orElse(s.target());
        String base = "Cert_" + sanitize(server) + "_endpoint";
        boolean taken = s.certificates().orElse(List.of()).stream().anyMatch(c -> c.name().equalsIgnoreCase(base));
        return taken ? base + "_" + YYYYMMDD.format(context.clock().instant()) : base;
    }

    static String sanitize(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> out.appendCodePoint(
                Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' ? cp : '_'));
        return out.toString();
    }

    /** The certificate the endpoint fix should name: the current one when usable, else a new one. */
    static String nameForEndpoint(ServerFacts s, CheckContext context) {
        return s.endpointCertificate().filter(c -> usable(c, context.clock().instant())).map(Certificate::name)
                .orElseGet(() -> newName(s, context));
    }

    /** Whether {@link #nameForEndpoint} names a certificate that does not exist yet. */
    static boolean needsNew(ServerFacts s, CheckContext context) {
        return s.endpointCertificate().filter(c -> usable(c, context.clock().instant())).isEmpty();
    }

    static FixStep createStep(Facts facts, CheckContext context, String name) {
        ServerFacts s = facts.server();
        String server = s.identity().asOptional().map(ServerFacts.Identity::serverName).orElse(s.target());
        Instant expiry = context.clock().instant().atZone(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        Map<String, String> values = Map.of("name", name,
                "subject", "Managed Instance link endpoint certificate for " + server,
                // digits only, produced here: a plain literal in the one language-neutral form
                "expiry", YYYYMMDD.format(expiry));
        return Fixes.appliableTsql("MIL-I9", facts, "create-endpoint-certificate",
                "Create endpoint certificate " + name + " (expires " + YYYYMMDD.format(expiry) + ")",
                Fixes.SQL_ENDPOINT_CERTIFICATE, Fixes.script(ScriptKind.TSQL, FOLDER, "create-certificate.sql",
                        values));
    }

    static FixStep uploadStep(Facts facts, String name) {
        Map<String, String> values = Map.of("name", name);
        return Fixes.manual("MIL-I9", facts, "upload-endpoint-certificate",
                "Upload the public key of " + name + " to the managed instance", Phase.INSTANCE,
                Fixes.SQL_ENDPOINT_CERTIFICATE + 1, false,
                List.of(Fixes.script(ScriptKind.MANUAL, FOLDER, "upload-public-key.txt", values)));
    }
}
