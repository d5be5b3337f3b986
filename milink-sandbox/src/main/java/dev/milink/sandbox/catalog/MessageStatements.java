// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.command.TokenCursor;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import java.util.ArrayList;
import java.util.List;

/** Statements that talk to the client or the clock: PRINT, THROW, RAISERROR and WAITFOR DELAY. */
final class MessageStatements {
    private final CatalogSession session;

    MessageStatements(CatalogSession session) {
        this.session = session;
    }

    void print(List<Token> tokens, ResultSink sink) throws TsqlException {
        Object v = session.evaluate(tokens.subList(1, tokens.size()));
        sink.info(0, 1, 0, v == null ? "" : v.toString());
    }

    /** THROW: outside TRY it ends the batch, whatever its number. */
    void throwStatement(List<Token> tokens, ResultSink sink) throws TsqlException {
        SqlError caught = session.ctx.caught;
        if (tokens.size() == 1) {
            if (caught == null) {
                throw TsqlException.of(10704, 1, 16, "To rethrow an error, a THROW statement must be used inside a "
                        + "CATCH block. Insert the THROW statement inside a CATCH block, or add error parameters to the "
                        + "THROW statement.");
            }
            session.interpreter.raise(new TsqlException(List.of(caught)), sink);
        }
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        Object number = session.evaluate(c.expression());
        c.expectSymbol(",");
        Object message = session.evaluate(c.expression());
        c.expectSymbol(",");
        Object state = session.evaluate(c.expression());
        session.interpreter.raise(new TsqlException(List.of(new SqlError(((Number) number).intValue(),
                ((Number) state).intValue(), 16, String.valueOf(message), tokens.get(0).line()))), sink);
    }

    /** RAISERROR (msg, severity, state [, args]): severity 10 or less is an informational message. */
    void raiserror(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        c.expectSymbol("(");
        Object message = session.evaluate(c.expression());
        c.expectSymbol(",");
        int severity = ((Number) session.evaluate(c.expression())).intValue();
        c.expectSymbol(",");
        int state = ((Number) session.evaluate(c.expression())).intValue();
        List<Object> args = new ArrayList<>();
        while (c.acceptSymbol(",")) {
            args.add(session.evaluate(c.expression()));
        }
        String text = message instanceof Number n ? "Error " + n : format(String.valueOf(message), args);
        int number = message instanceof Number n ? n.intValue() : 50000;
        if (severity <= 10) {
            sink.info(number, state, severity, text);
            sink.done();
            return;
        }
        throw TsqlException.of(number, state, severity, text);
    }

    /** RAISERROR's printf-style %s / %d substitution. */
    private static String format(String message, List<Object> args) {
        StringBuilder sb = new StringBuilder();
        int a = 0;
        for (int i = 0; i < message.length(); i++) {
            char ch = message.charAt(i);
            if (ch == '%' && i + 1 < message.length() && "sdiu".indexOf(message.charAt(i + 1)) >= 0) {
                sb.append(a < args.size() ? args.get(a++) : "(null)");
                i++;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** WAITFOR DELAY 'hh:mm:ss': waits, but stops early when the client cancels. */
    void waitFor(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        c.expect("DELAY");
        Object v = session.evaluate(c.rest());
        double seconds = 0;
        for (String part : String.valueOf(v).split(":")) {
            seconds = seconds * 60 + Double.parseDouble(part);
        }
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until && !sink.cancelled()) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interpreter.BatchAbort();
            }
        }
        sink.done();
    }
}
