// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.ResultSink;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dispatches the statements and system procedures that change or report instance state, by their leading
 * keywords or procedure name. One class per family does the work.
 */
public final class Commands {
    private static final Set<String> LEADS = Set.of("ALTER", "BACKUP", "RESTORE", "DBCC", "CREATE", "DROP", "GRANT",
            "REVOKE", "DENY", "RECONFIGURE");

    private Commands() {}

    /** Whether a statement starting with this word is one of ours (so it is no implicit EXEC). */
    public static boolean handles(String word) {
        return LEADS.contains(word);
    }

    public static void run(CommandContext ctx, List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        Token lead = c.next();
        String second = c.peek().kind() == Token.Kind.WORD ? c.peek().upper() : "";
        switch (lead.upper()) {
            case "ALTER" -> {
                switch (second) {
                    case "DATABASE" -> AlterDatabase.run(ctx, c, sink);
                    case "ENDPOINT" -> EndpointCommands.alter(ctx, c, sink);
                    case "AVAILABILITY" -> AvailabilityGroupCommands.alter(ctx, c, sink);
                    default -> throw unsupported(lead, second);
                }
            }
            case "BACKUP" -> BackupCommand.run(ctx, c, sink);
            case "DBCC" -> DbccCommand.run(ctx, c, sink);
            case "CREATE" -> {
                switch (second) {
                    case "MASTER" -> SecurityCommands.createMasterKey(ctx, c, sink);
                    case "CERTIFICATE" -> SecurityCommands.createCertificate(ctx, c, sink);
                    case "ENDPOINT" -> EndpointCommands.create(ctx, c, sink);
                    case "AVAILABILITY" -> AvailabilityGroupCommands.create(ctx, c, sink);
                    default -> throw unsupported(lead, second);
                }
            }
            case "DROP" -> {
                switch (second) {
                    case "MASTER" -> SecurityCommands.dropMasterKey(ctx, c, sink);
                    case "CERTIFICATE" -> SecurityCommands.dropCertificate(ctx, c, sink);
                    case "ENDPOINT" -> EndpointCommands.drop(ctx, c, sink);
                    case "AVAILABILITY" -> AvailabilityGroupCommands.drop(ctx, c, sink);
                    case "PROCEDURE", "PROC" -> dropProcedure(ctx, c, sink);
                    default -> throw unsupported(lead, second);
                }
            }
            case "GRANT", "REVOKE", "DENY" -> SecurityCommands.grant(ctx, lead.upper(), c, sink);
            case "RECONFIGURE" -> SystemProcedures.reconfigure(ctx, sink);
            default -> throw TsqlException.syntax(lead.text(), lead.line());
        }
    }

    private static TsqlException unsupported(Token lead, String second) {
        return TsqlException.of(50000, 1, 16, "The sandbox does not simulate " + lead.upper() + " " + second + ".");
    }

    private static void dropProcedure(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        c.next();
        boolean ifExists = c.accept("IF") && c.accept("EXISTS");
        List<String> name = c.multipartName();
        String proc = name.get(name.size() - 1);
        if (!ctx.instance().dropProcedure(ctx.database(), proc) && !ifExists) {
            throw TsqlException.of(3701, 11, 11, "Cannot drop the procedure '" + proc
                    + "', because it does not exist or you do not have permission.");
        }
        sink.done();
    }

    /** Runs a system procedure; unknown names get 2812 as on SQL Server. */
    public static void procedure(CommandContext ctx, String database, String name, List<String> argNames,
                                 List<Object> args, ResultSink sink) throws TsqlException {
        ProcArgs a = new ProcArgs(argNames, args);
        String proc = name.toLowerCase(Locale.ROOT);
        if (AgentProcedures.handles(proc)) {
            if (!"msdb".equalsIgnoreCase(database)) {
                throw notFound(name);
            }
            AgentProcedures.run(ctx, proc, a, sink);
            return;
        }
        switch (proc) {
            case "sp_configure" -> SystemProcedures.spConfigure(ctx, a, sink);
            case "xp_readerrorlog", "sp_readerrorlog" -> SystemProcedures.readErrorLog(ctx, proc, a, sink);
            case "xp_fileexist" -> SystemProcedures.fileExist(ctx, a, sink);
            case "xp_create_subdir" -> SystemProcedures.createSubdir(ctx, a, sink);
            case "sp_certificate_add_issuer" -> SecurityCommands.addIssuer(ctx, a, sink);
            case "sp_validate_certificate_ca_chain" -> SecurityCommands.validateChain(ctx, a, sink);
            default -> throw notFound(name);
        }
    }

    static TsqlException notFound(String name) {
        return TsqlException.of(2812, 62, 16, "Could not find stored procedure '" + name + "'.");
    }
}
