// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A session whose answers are scripted rather than computed: for engines that stand in for SQL Server in a test of
 * the driver's or the executor's handling of results and errors, whatever the SQL. It is in {@code master} as
 * {@code login}, and closing it does nothing.
 *
 * @param login         the login name the session reports
 * @param batch         answers a SQL batch
 * @param parameterized answers a parameterised statement (its parameters are not passed on)
 */
public record ScriptedSession(String login, BiConsumer<String, ResultSink> batch,
                              BiConsumer<String, ResultSink> parameterized) implements Session {

    @Override
    public void executeBatch(String sql, ResultSink sink) {
        batch.accept(sql, sink);
    }

    @Override
    public void executeParameterized(String sql, List<Param> params, ResultSink sink) {
        parameterized.accept(sql, sink);
    }

    @Override
    public String database() {
        return "master";
    }

    @Override
    public void close() {
        // nothing to release: the answers are scripted
    }
}
