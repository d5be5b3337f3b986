// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

import java.util.List;

/** A logged-in connection. Not thread-safe: the protocol layer serialises requests per connection. */
public interface Session extends AutoCloseable {

    /**
     * Runs a SQL batch (TDS SQL_BATCH) and reports every outcome, in order, to {@code sink}: result sets, row
     * counts, INFO messages and errors. A statement error does not abort the batch unless SQL Server would
     * abort it; the engine decides.
     */
    void executeBatch(String sql, ResultSink sink);

    /**
     * Runs a parameterised statement (sp_executesql / sp_prepexec / sp_execute after the protocol layer has
     * resolved the handle). {@code sql} uses {@code @P0, @P1, …}; {@code params} are in the same order.
     */
    void executeParameterized(String sql, List<Param> params, ResultSink sink);

    /** Current database name (after USE). */
    String database();

    /** Login name of this session. */
    String login();

    @Override
    void close();

    /** A decoded RPC parameter value: Integer, Long, Boolean, String, BigDecimal, Double, byte[], java.time types, or null. */
    record Param(String name, Object value) {}
}
