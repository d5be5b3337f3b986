// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.catalog.view.SecurityViews;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Database master key, certificates and server permissions: CREATE/DROP MASTER KEY, CREATE/DROP CERTIFICATE,
 * GRANT/REVOKE/DENY on the server, sp_certificate_add_issuer and sp_validate_certificate_ca_chain.
 */
final class SecurityCommands {
    private SecurityCommands() {}

    private static TsqlException noPermission() {
        return TsqlException.of(15247, 1, 16, "User does not have permission to perform this action.");
    }

    static void createMasterKey(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("MASTER");
        c.expect("KEY");
        if (!ctx.sysadmin()) {
            throw noPermission();
        }
        Scenario.Database db = ctx.scenario().database(ctx.database());
        String password = null;
        if (c.accept("ENCRYPTION")) {
            c.expect("BY");
            c.expect("PASSWORD");
            c.expectSymbol("=");
            password = String.valueOf(ctx.evaluate(c.expression()));
        }
        if (db.masterKey) {
            throw TsqlException.of(15578, 1, 16, "There is already a master key in the database. Please drop it before "
                    + "performing this statement.");
        }
        if (password != null && !complex(password)) {
            throw TsqlException.of(15118, 1, 16, "Password validation failed. The password does not meet the operating "
                    + "system policy requirements because it is not complex enough.");
        }
        db.masterKey = true;
        sink.done();
    }

    /** Windows' default complexity rule: 8+ characters from at least three of four categories. */
    private static boolean complex(String p) {
        int categories = (p.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (p.chars().anyMatch(Character::isLowerCase) ? 1 : 0) + (p.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (p.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0);
        return p.length() >= 8 && categories >= 3;
    }

    static void dropMasterKey(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("MASTER");
        c.expect("KEY");
        Scenario.Database db = ctx.scenario().database(ctx.database());
        if (!ctx.sysadmin() || !db.masterKey) {
            throw TsqlException.of(15151, 1, 16, "Cannot drop the master key because it does not exist or you do not "
                    + "have permission.");
        }
        for (Certificate cert : db.certificates) {
            if ("MK".equals(cert.privateKey)) {
                throw TsqlException.of(15580, 1, 16, "Cannot drop master key because certificate '" + cert.name
                        + "' is encrypted by it.");
            }
        }
        db.masterKey = false;
        sink.done();
    }

    static void createCertificate(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("CERTIFICATE");
        String name = c.name();
        if (c.accept("AUTHORIZATION")) {
            c.name();
        }
        if (!ctx.sysadmin()) {
            throw noPermission();
        }
        Scenario.Database db = ctx.scenario().database(ctx.database());
        if (SecurityViews.certificate(db, name) != null) {
            throw TsqlException.of(15232, 1, 16, "A certificate with name '" + name + "' already exists or this "
                    + "certificate already has been added to the database.");
        }
        Certificate cert = new Certificate();
        cert.name = name;
        cert.id = 256 + db.certificates.stream().mapToInt(x -> x.id - 255).max().orElse(0);
        if (c.accept("FROM")) {
            if (!c.accept("BINARY")) {
                throw TsqlException.of(50000, 1, 16, "The sandbox only imports certificates FROM BINARY.");
            }
            c.expectSymbol("=");
            Token blob = c.next();
            if (blob.kind() != Token.Kind.BINARY) {
                throw TsqlException.syntax(blob.text(), blob.line());
            }
            fromBinary(cert, blob.value());
            cert.privateKey = "NA";
        } else {
            c.expect("WITH");
            withOptions(ctx, c, cert);
            boolean password = c.accept("ENCRYPTION");
            if (password) {
                c.rest();
                cert.privateKey = "PW";
            } else if (!db.masterKey) {
                throw TsqlException.of(15581, 1, 16, "Please create a master key in the database or open the master key "
                        + "in the session before performing this operation.");
            }
        }
        db.certificates.add(cert);
        sink.done();
    }

    private static void withOptions(CommandContext ctx, TokenCursor c, Certificate cert) throws TsqlException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        cert.startDate = now.toString();
        cert.expiryDate = now.plusYears(1).toString();
        do {
            String option = c.name().toUpperCase(Locale.ROOT);
            c.expectSymbol("=");
            Object value = ctx.evaluate(c.expression("ENCRYPTION"));
            switch (option) {
                case "SUBJECT" -> cert.subject = String.valueOf(value);
                case "EXPIRY_DATE" -> cert.expiryDate = Values.time(String.valueOf(value).replace('/', '-')).toString();
                case "START_DATE" -> cert.startDate = Values.time(String.valueOf(value).replace('/', '-')).toString();
                default -> throw TsqlException.syntax(option, 1);
            }
        } while (c.acceptSymbol(","));
        if (cert.subject == null) {
            throw TsqlException.syntax(cert.name, 1);
        }
        cert.issuer = cert.subject;
        cert.serialNumber = Values.hexUpper(Values.sha1("serial:" + cert.name + cert.startDate)).substring(0, 32)
                .replaceAll("(..)(?!$)", "$1 ").toLowerCase(Locale.ROOT);
    }

    private static void fromBinary(Certificate cert, String hex) throws TsqlException {
        byte[] der = Values.hex(hex);
        try {
            X509Certificate x = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            cert.subject = x.getSubjectX500Principal().getName();
            cert.issuer = x.getIssuerX500Principal().getName();
            cert.startDate = LocalDateTime.ofInstant(x.getNotBefore().toInstant(), ZoneOffset.UTC).toString();
            cert.expiryDate = LocalDateTime.ofInstant(x.getNotAfter().toInstant(), ZoneOffset.UTC).toString();
            cert.serialNumber = x.getSerialNumber().toString(16);
            cert.blob = hex;
        } catch (CertificateException | ClassCastException e) {
            throw TsqlException.of(15297, 1, 16, "The certificate, asymmetric key, or private key data is invalid.");
        }
    }

    static void dropCertificate(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("CERTIFICATE");
        String name = c.name();
        Scenario.Database db = ctx.scenario().database(ctx.database());
        Certificate cert = SecurityViews.certificate(db, name);
        if (cert == null || !ctx.sysadmin()) {
            throw TsqlException.of(15151, 1, 16, "Cannot drop the certificate '" + name
                    + "', because it does not exist or you do not have permission.");
        }
        boolean inUse = "master".equalsIgnoreCase(db.name)
                && (ctx.scenario().endpoints.stream().anyMatch(e -> name.equalsIgnoreCase(e.certificate))
                || ctx.scenario().databases.stream().anyMatch(d -> name.equalsIgnoreCase(d.tdeCertificate)));
        if (inUse) {
            throw TsqlException.of(15352, 1, 16, "The certificate cannot be dropped because one or more entities are "
                    + "either signed or encrypted using it. To continue, correct the problem and retry.");
        }
        db.certificates.remove(cert);
        sink.done();
    }

    /** GRANT/REVOKE/DENY server permissions (and ON ENDPOINT::, accepted without a view). */
    static void grant(CommandContext ctx, String verb, TokenCursor c, ResultSink sink) throws TsqlException {
        List<String> permissions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        while (!c.atEnd() && !c.peek().is("TO") && !c.peek().is("FROM") && !c.peek().is("ON")) {
            Token t = c.next();
            if (t.isSymbol(",")) {
                permissions.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(t.value().toUpperCase(Locale.ROOT)).append(' ');
            }
        }
        permissions.add(current.toString().strip());
        boolean onServer = true;
        if (c.accept("ON")) {
            onServer = c.peek().is("SERVER");
            while (!c.atEnd() && !c.peek().is("TO") && !c.peek().is("FROM")) {
                c.next();
            }
        }
        if (!c.accept("TO")) {
            c.expect("FROM");
        }
        String grantee = c.name();
        c.rest();
        if (!(ctx.sysadmin() || ctx.instance().isMember(ctx.principal(), "securityadmin"))) {
            throw noPermission();
        }
        Scenario.Login login = ctx.scenario().login(grantee);
        if (login == null) {
            throw TsqlException.of(15151, 1, 16, "Cannot find the login '" + grantee
                    + "', because it does not exist or you do not have permission.");
        }
        if (onServer) {
            for (String p : permissions) {
                login.permissions.removeIf(x -> x.equalsIgnoreCase(p));
                if ("GRANT".equals(verb)) {
                    login.permissions.add(p);
                }
            }
        }
        sink.done();
    }

    static void addIssuer(CommandContext ctx, ProcArgs a, ResultSink sink) throws TsqlException {
        Integer id = a.integer("@certificate_id", 0);
        String pattern = a.required("sp_certificate_add_issuer", "@issuer_name", 1);
        certificateById(ctx, id).issuerFor.add(pattern);
        sink.done();
    }

    static void validateChain(CommandContext ctx, ProcArgs a, ResultSink sink) throws TsqlException {
        Certificate cert = certificateById(ctx, a.integer("@certificate_id", 0));
        boolean rootsPresent = ctx.scenario().database("master").certificates.stream()
                .anyMatch(x -> !x.issuerFor.isEmpty());
        if (!rootsPresent) {
            throw TsqlException.of(41870, 1, 16, "Certificate chain validation failed for certificate '" + cert.name
                    + "'. No trusted issuer certificate was found.");
        }
        sink.done();
    }

    private static Certificate certificateById(CommandContext ctx, Integer id) throws TsqlException {
        for (Certificate cert : ctx.scenario().database(ctx.database()).certificates) {
            if (id != null && cert.id == id) {
                return cert;
            }
        }
        throw TsqlException.of(15151, 1, 16, "Cannot find the certificate with id " + id
                + ", because it does not exist or you do not have permission.");
    }
}
