// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.tsql.Token;
import java.util.List;

/** What {@link SqlTranslator} asks the session while rewriting T-SQL for H2. */
interface TranslationHost {

    /** Session key the catalog functions receive as their first argument. */
    String key();

    /** H2 expression for a T-SQL variable ({@code @x}); 137 when undeclared. */
    String variable(Token variable) throws TsqlException;

    /** SQL literal for a system function such as {@code @@VERSION}. */
    String systemVariable(Token variable) throws TsqlException;

    /** SQL literal for ERROR_NUMBER() and friends (NULL outside CATCH). */
    String errorFunction(String name);

    /**
     * The H2 relation for a catalog object reference ({@code sys.databases}, {@code msdb.dbo.backupset},
     * {@code [db].sys.filegroups}), or null to leave the name alone. {@code single} marks an unqualified name.
     */
    String relation(List<String> parts, String written, boolean single) throws TsqlException;

    /** Runs a {@code SELECT … FOR JSON} subquery and returns its result as a SQL string literal. */
    String scalarJson(List<Token> select) throws TsqlException;
}
