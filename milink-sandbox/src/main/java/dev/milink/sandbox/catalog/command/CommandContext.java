// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.InstanceState;
import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.scenario.Scenario;
import java.util.List;

/** What a statement or system procedure needs from the session running it. Callers hold the instance lock. */
public interface CommandContext {

    InstanceState instance();

    default Scenario scenario() {
        return instance().scenario();
    }

    /** The session's login. */
    Scenario.Login principal();

    /** Current database name. */
    String database();

    /** Evaluates a T-SQL expression (constants, variables, functions) to a Java value. */
    Object evaluate(List<Token> expression) throws TsqlException;

    /** Runs T-SQL text as a nested batch in {@code database}, reporting to {@code sink}. */
    void runNested(String sql, String database, ResultSink sink) throws TsqlException;

    /** Trace flags switched on for this session only (DBCC TRACEON without -1). */
    List<Integer> sessionTraceFlags();

    /** The session id (@@SPID). */
    int spid();

    default boolean sysadmin() {
        return instance().isSysadmin(principal());
    }

    /** Error 229 for EXECUTE on a system procedure. */
    static TsqlException executeDenied(String object, String database, String schema) {
        return TsqlException.of(229, 1, 14, "The EXECUTE permission was denied on the object '" + object
                + "', database '" + database + "', schema '" + schema + "'.");
    }
}
