// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.view.SecurityViews;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.scenario.Endpoint;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CREATE / ALTER / DROP ENDPOINT … AS TCP (…) FOR DATABASE_MIRRORING (…). */
final class EndpointCommands {
    private EndpointCommands() {}

    static void create(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("ENDPOINT");
        String name = c.name();
        requirePermission(ctx);
        Scenario s = ctx.scenario();
        Endpoint e = new Endpoint();
        e.name = name;
        e.state = "STOPPED";
        e.authentication = "NEGOTIATE";
        e.role = "ALL";
        clauses(ctx, c, e);
        if (!s.endpoints.isEmpty()) {
            throw TsqlException.of(7862, 1, 16, "An endpoint of the requested type already exists.  Only one endpoint "
                    + "of this type is supported.  Use ALTER ENDPOINT or DROP the existing endpoint and execute the "
                    + "CREATE ENDPOINT statement.");
        }
        e.id = 65536;
        s.endpoints.add(e);
        sink.done();
    }

    static void alter(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("ENDPOINT");
        String name = c.name();
        requirePermission(ctx);
        Endpoint e = find(ctx, name, "alter");
        clauses(ctx, c, e);
        sink.done();
    }

    static void drop(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.expect("ENDPOINT");
        String name = c.name();
        requirePermission(ctx);
        ctx.scenario().endpoints.remove(find(ctx, name, "drop"));
        sink.done();
    }

    private static Endpoint find(CommandContext ctx, String name, String verb) throws TsqlException {
        return ctx.scenario().endpoints.stream().filter(x -> x.name.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> TsqlException.of(15151, 1, 16, "Cannot " + verb + " the endpoint '" + name
                        + "', because it does not exist or you do not have permission."));
    }

    private static void requirePermission(CommandContext ctx) throws TsqlException {
        if (!(ctx.sysadmin() || ctx.instance().hasPermission(ctx.principal(), "ALTER ANY ENDPOINT")
                || ctx.instance().hasPermission(ctx.principal(), "CREATE ENDPOINT"))) {
            throw TsqlException.of(15247, 1, 16, "User does not have permission to perform this action.");
        }
    }

    private static void clauses(CommandContext ctx, TokenCursor c, Endpoint e) throws TsqlException {
        while (!c.atEnd()) {
            if (c.accept("AUTHORIZATION")) {
                c.name();
            } else if (c.accept("STATE")) {
                c.expectSymbol("=");
                e.state = c.name().toUpperCase(Locale.ROOT);
            } else if (c.accept("AS")) {
                c.expect("TCP");
                tcp(c, e);
            } else if (c.accept("FOR")) {
                c.expect("DATABASE_MIRRORING");
                mirroring(ctx, c, e);
            } else {
                throw c.unexpected();
            }
        }
    }

    private static void tcp(TokenCursor c, Endpoint e) throws TsqlException {
        c.expectSymbol("(");
        do {
            String option = c.name().toUpperCase(Locale.ROOT);
            c.expectSymbol("=");
            switch (option) {
                case "LISTENER_PORT" -> e.port = Integer.parseInt(c.next().text());
                case "LISTENER_IP" -> {
                    if (c.accept("ALL")) {
                        e.ipAddress = null;
                    } else {
                        c.expectSymbol("(");
                        e.ipAddress = c.next().value();
                        c.expectSymbol(")");
                    }
                }
                default -> throw TsqlException.syntax(option, 1);
            }
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
    }

    private static void mirroring(CommandContext ctx, TokenCursor c, Endpoint e) throws TsqlException {
        c.expectSymbol("(");
        do {
            String option = c.name().toUpperCase(Locale.ROOT);
            c.expectSymbol("=");
            switch (option) {
                case "ROLE" -> e.role = c.name().toUpperCase(Locale.ROOT);
                case "AUTHENTICATION" -> authentication(ctx, c, e);
                case "ENCRYPTION" -> {
                    e.encryption = c.name().toUpperCase(Locale.ROOT);
                    List<String> algorithms = new ArrayList<>();
                    if (c.accept("ALGORITHM")) {
                        while (c.peek().is("AES") || c.peek().is("RC4")) {
                            algorithms.add(c.name().toUpperCase(Locale.ROOT));
                        }
                    }
                    String algorithm = algorithms.isEmpty() ? "AES" : String.join(", ", algorithms);
                    e.algorithm = algorithm;
                }
                default -> throw TsqlException.syntax(option, 1);
            }
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
    }

    /** WINDOWS [NTLM|KERBEROS|NEGOTIATE] [CERTIFICATE c] | CERTIFICATE c [WINDOWS [...]] → connection_auth_desc. */
    private static void authentication(CommandContext ctx, TokenCursor c, Endpoint e) throws TsqlException {
        List<String> parts = new ArrayList<>();
        e.certificate = null;
        for (int i = 0; i < 2; i++) {
            if (c.accept("WINDOWS")) {
                String method = "NEGOTIATE";
                if (c.peek().is("NTLM") || c.peek().is("KERBEROS") || c.peek().is("NEGOTIATE")) {
                    method = c.name().toUpperCase(Locale.ROOT);
                }
                parts.add(method);
            } else if (c.accept("CERTIFICATE")) {
                String cert = c.name();
                if (SecurityViews.certificate(ctx.scenario().database("master"), cert) == null) {
                    throw TsqlException.of(15151, 1, 16, "Cannot find the certificate '" + cert
                            + "', because it does not exist or you do not have permission.");
                }
                e.certificate = cert;
                parts.add("CERTIFICATE");
            }
        }
        if (parts.isEmpty()) {
            throw c.unexpected();
        }
        e.authentication = String.join(", ", parts);
    }
}
