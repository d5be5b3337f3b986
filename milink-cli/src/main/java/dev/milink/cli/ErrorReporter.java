// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.internal.Json;
import dev.milink.core.error.CoreError;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that shows errors to users, whatever their origin (bad option, bad config, connection refused,
 * a bug):
 * <pre>
 * Error [SQL_UNREACHABLE]: Could not reach sql01:1433 …
 *   Caused by: Connection refused
 * Run with --verbose for details.
 * </pre>
 * The stack trace only appears with {@code --verbose}. With {@code --output json} the error is also a JSON object
 * on stdout, so a pipeline that parses stdout always gets JSON; stderr stays human.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Version of the JSON error object; bumped only on incompatible change. */
    static final String ERROR_SCHEMA_VERSION = "1";


    private final Invocation invocation;

    ErrorReporter(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        // An option setter that refused its value (--log-file FILE it cannot write) says why in its own words.
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MilinkException me) {
                return report(me.code(), me.getMessage(), causes(me), me, helpHint(cl));
            }
        }
        String message = ex instanceof UnmatchedArgumentException u ? UnknownArguments.describe(u, args)
                : UnknownArguments.hideSuspectValues(ex.getMessage(), cl, args);
        return report(CoreError.USAGE, message, List.of(), ex, helpHint(cl));
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        if (ex instanceof ParameterException pe) {
            return handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
        }
        if (ex instanceof MilinkException me) {
            String hint = me.code().exitStatus() == ExitStatus.USAGE ? helpHint(cl) : verboseHint(cl);
            return report(me.code(), me.getMessage(), causes(me), me, hint);
        }
        String message = "Unexpected " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + " (a bug in milink; please report it)";
        return report(CoreError.INTERNAL, message, causes(ex), ex, verboseHint(cl));
    }

    private int report(ErrorCode code, String message, List<String> causes, Throwable ex, String hint) {
        PrintWriter err = invocation.err();
        err.println("Error [" + code.name() + "]: " + invocation.mask(message));
        causes.forEach(c -> err.println("  Caused by: " + invocation.mask(c)));
        if (invocation.verbose() && !(ex instanceof ParameterException)) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(invocation.mask(trace.toString()));
        } else if (hint != null) {
            err.println(hint);
        }
        err.flush();
        int exit = code.exitStatus().code();
        if (invocation.json()) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("schemaVersion", ERROR_SCHEMA_VERSION);
            ObjectNode error = root.putObject("error");
            error.put("code", code.name());
            error.put("exitCode", exit);
            error.put("message", invocation.mask(message));
            ArrayNode list = error.putArray("causes");
            causes.forEach(c -> list.add(invocation.mask(c)));
            invocation.out().println(Json.pretty(root));
            invocation.out().flush();
        }
        return exit;
    }

    /** The distinct messages of the cause chain, each once, skipping any the top message already says. */
    private static List<String> causes(Throwable top) {
        List<String> seen = new ArrayList<>();
        String topMessage = String.valueOf(top.getMessage());
        for (Throwable t = top.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            // one line per cause: parsers append the offending source text and a caret line
            String m = t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage().strip().lines().findFirst().orElse("").strip();
            // Translated messages often quote the driver's message, sometimes shortened: compare its opening.
            String opening = m.length() > 40 ? m.substring(0, 40) : m;
            if (!m.isEmpty() && !topMessage.contains(opening) && !seen.contains(m)) {
                seen.add(m);
            }
        }
        return seen;
    }

    private static String helpHint(CommandLine cl) {
        return "Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    /** Only commands that have {@code --verbose} suggest it. */
    private static String verboseHint(CommandLine cl) {
        return cl.getCommandSpec().findOption("--verbose") != null ? "Run with --verbose for details." : null;
    }
}
