// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** MIL-I9: the endpoint certificate exists in master, is protected by the master key, is valid and safely named. */
public final class EndpointCertificateCheck extends InstanceCheck {

    public static final CheckMetadata META = InstanceMeta.meta("I9",
            "The endpoint certificate is valid, protected by the master key and safely named", Area.CERTIFICATES,
            Severity.BLOCKER, InstanceMeta.BOTH, true, InstanceMeta.CONFIGURE_SCRIPTS, """
            The managed instance authenticates SQL Server by the certificate of its mirroring endpoint. Reads \
            sys.certificates in master: the certificate the endpoint uses, or without an endpoint the \
            master-key-protected certificate that expires last. It must have its private key encrypted by the \
            master key (pvt_key_encryption_type MK), must not have expired (an expired certificate stops the \
            link; a warning comes --certificate-expiry-warning before, 30 days by default) and its name must not \
            contain a backslash (the documented default name Cert_@@SERVERNAME_endpoint has one on named \
            instances). The fix creates a new certificate with a sanitized name and a yyyymmdd EXPIRY_DATE; its \
            public key must then be uploaded to the managed instance (MIL-I10).""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.certificates().isKnown()) {
            return finding.unreadable("Certificates in master", s.certificates());
        }
        if (s.mirroringEndpoint() instanceof Fact.Unknown<?> endpoint) {
            return finding.unknown("The endpoint could not be read, so its certificate is not known: "
                    + endpoint.reason() + ".");
        }
        Instant now = context.clock().instant();
        String expected = "certificate in master, private key encrypted by the master key (MK), expiry after "
                + day(now.plus(context.certificateExpiryWarning())) + ", no backslash in the name";
        String newName = EndpointCertificates.newName(s, context);
        Optional<Certificate> current = s.endpointCertificate();
        if (current.isEmpty()) {
            if (uploadedByI10(facts)) {
                return finding.fail("No endpoint certificate protected by the master key exists in master.",
                        Evidence.of("none", expected), new Remediation("Create an endpoint certificate; MIL-I10 "
                                + "uploads its public key to the managed instance in the same run.",
                                List.of(EndpointCertificates.createStep(facts, context, newName))));
            }
            return finding.fail("No endpoint certificate protected by the master key exists in master.",
                    Evidence.of("none", expected), replace(facts, context, newName,
                            "Create an endpoint certificate and upload its public key to the managed instance."));
        }
        Certificate c = current.get();
        Evidence evidence = Evidence.of(c.name() + ": private key " + c.privateKeyEncryption() + ", expires "
                + day(c.expiryDate()), expected);
        if (!"MK".equalsIgnoreCase(c.privateKeyEncryption())) {
            return finding.fail("Certificate " + c.name() + " has its private key "
                    + describeKey(c.privateKeyEncryption()) + ", not encrypted by the master key.", evidence,
                    replace(facts, context, newName, "Create a certificate protected by the master key."));
        }
        if (c.name().contains("\\")) {
            return finding.fail("Certificate name " + c.name() + " contains a backslash, which the link "
                    + "cannot use; a safe name is " + newName + ".", evidence, replace(facts, context, newName,
                    "Create certificate " + newName + " and switch the endpoint to it."));
        }
        if (c.expiryDate() == null || !c.expiryDate().isAfter(now)) {
            return finding.fail("Certificate " + c.name() + " expired on " + day(c.expiryDate()) + ".",
                    evidence,
                    replace(facts, context, newName, "Rotate: create " + newName + ", switch the endpoint to it "
                            + "and upload its public key to the managed instance."));
        }
        Duration left = Duration.between(now, c.expiryDate());
        if (left.compareTo(context.certificateExpiryWarning()) < 0) {
            return finding.warn("Certificate " + c.name() + " expires in " + left.toDays() + " days ("
                    + day(c.expiryDate()) + ").", evidence, replace(facts, context, newName, "Rotate before expiry: "
                    + "create " + newName + ", switch the endpoint to it and upload its public key."));
        }
        return finding.pass("Certificate " + c.name() + " is protected by the master key and valid for "
                + left.toDays() + " more days.", evidence);
    }

    /** Whether MIL-I10 plans the upload of a new certificate itself: the managed instance's trust certificates were read. */
    private static boolean uploadedByI10(Facts facts) {
        return facts.managedInstance() instanceof Input.Present<ManagedInstanceFacts> mi
                && mi.value().trustCertificates().isKnown();
    }

    /** The plan order of MIL-I9's create step (INSTANCE phase); a step that needs the certificate comes after it. */
    public static final int CREATE_ORDER = Fixes.SQL_ENDPOINT_CERTIFICATE;

    /**
     * The certificate MIL-I9's fix creates when SQL Server has no endpoint certificate (its name is known at planning
     * time), else empty: certificates read, the endpoint read, and no certificate for it.
     */
    public static Optional<String> createdByFix(Facts facts, CheckContext context) {
        ServerFacts s = facts.server();
        if (!s.certificates().isKnown() || s.mirroringEndpoint() instanceof Fact.Unknown<?>
                || s.endpointCertificate().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(EndpointCertificates.newName(s, context));
    }

    /** The id of MIL-I9's step creating the certificate. */
    public static String createStepId(Facts facts) {
        return Fixes.stepId("MIL-I9", facts, "create-endpoint-certificate");
    }

    private static Remediation replace(Facts facts, CheckContext context, String name, String summary) {
        return new Remediation(summary, List.of(EndpointCertificates.createStep(facts, context, name),
                EndpointCertificates.uploadStep(facts, name)));
    }

    private static String describeKey(String type) {
        return switch (type == null ? "" : type.toUpperCase(java.util.Locale.ROOT)) {
            case "PW" -> "encrypted by a password";
            case "NA" -> "missing (public key only)";
            default -> "protected as '" + type + "'";
        };
    }

    /** Expiry dates as days (UTC), the precision a DBA reasons in; "unknown" when SQL Server gave none. */
    private static String day(Instant t) {
        return t == null ? "unknown" : java.time.LocalDate.ofInstant(t, java.time.ZoneOffset.UTC).toString();
    }

    public EndpointCertificateCheck() {
        super(META);
    }
}
