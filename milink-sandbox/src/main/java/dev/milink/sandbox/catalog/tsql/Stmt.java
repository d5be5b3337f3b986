// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.tsql;

import java.util.List;

/** A parsed T-SQL statement: a simple statement or a control-of-flow construct around others. */
public sealed interface Stmt {

    /** Line of the statement's first token within its batch. */
    int line();

    /**
     * A statement without nested statements (SELECT, SET, BACKUP, EXEC …).
     *
     * @param tokens the statement's tokens, without a trailing {@code ;}
     * @param text   its source text, for fault patterns and messages
     * @param first  whether it is the first statement of its batch (an identifier there is an implicit EXEC)
     */
    record Simple(List<Token> tokens, String text, boolean first) implements Stmt {
        @Override
        public int line() {
            return tokens.get(0).line();
        }

        public Token head() {
            return tokens.get(0);
        }
    }

    /** BEGIN … END. */
    record Block(List<Stmt> body, int line) implements Stmt {}

    /** IF condition then [ELSE otherwise]; {@code otherwise} may be null. */
    record If(List<Token> condition, Stmt then, Stmt otherwise, int line) implements Stmt {}

    /** WHILE condition body. */
    record While(List<Token> condition, Stmt body, int line) implements Stmt {}

    /** BEGIN TRY … END TRY BEGIN CATCH … END CATCH. */
    record TryCatch(List<Stmt> tryBody, List<Stmt> catchBody, int line) implements Stmt {}

    /** CREATE [OR ALTER] PROCEDURE name params AS body; the body is kept as text and parsed when run. */
    record CreateProcedure(List<String> nameParts, List<Token> parameters, String body, int line) implements Stmt {}
}
