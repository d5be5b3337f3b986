// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlEngine;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.engine.SqlType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double for the engine seam: fixed answers keyed by the whitespace-normalised SQL text. Logins: user
 * "sa" with password "pw", or the access token "good-token". Unknown statements succeed with a plain DONE, as the
 * driver's housekeeping batches (SET …, IF @@TRANCOUNT …) need.
 */
public final class StubEngine implements SqlEngine {
    public static final String USER = "sa";
    public static final String PASSWORD = "pw";
    public static final String TOKEN = "good-token";

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<List<Session.Param>> receivedParams = new CopyOnWriteArrayList<>();

    /** Answers one statement. */
    @FunctionalInterface
    public interface Handler {
        void answer(List<Session.Param> params, ResultSink sink);
    }

    public StubEngine() {
        select("SELECT 1", List.of(Column.of("", SqlType.INT)), new Object[] {1});
    }

    public StubEngine on(String sql, Handler handler) {
        handlers.put(normalize(sql), handler);
        return this;
    }

    public StubEngine select(String sql, List<Column> columns, Object[]... rows) {
        return on(sql, (params, sink) -> sink.resultSet(columns, Arrays.asList(rows)));
    }

    /** The parameters of every parameterised execution so far. */
    public List<List<Session.Param>> receivedParams() { return receivedParams; }

    @Override
    public Session openSession(LoginRequest login) throws SqlError {
        boolean ok = login.accessToken() != null ? TOKEN.equals(login.accessToken())
                : USER.equals(login.user()) && PASSWORD.equals(login.password());
        if (!ok) {
            throw SqlError.loginFailed(login.user());
        }
        return new StubSession(login.database() == null ? "master" : login.database(), login.user());
    }

    @Override
    public String productVersion() { return "16.0.1000.6"; }

    static String normalize(String sql) { return sql.replaceAll("\\s+", " ").trim(); }

    private final class StubSession implements Session {
        private String database;
        private final String login;

        StubSession(String database, String login) {
            this.database = database;
            this.login = login;
        }

        @Override
        public void executeBatch(String sql, ResultSink sink) { run(sql, List.of(), sink); }

        @Override
        public void executeParameterized(String sql, List<Param> params, ResultSink sink) {
            receivedParams.add(params);
            run(sql, params, sink);
        }

        private void run(String sql, List<Param> params, ResultSink sink) {
            String key = normalize(sql);
            if (key.toUpperCase().startsWith("USE ")) {
                database = key.substring(4).replace("[", "").replace("]", "");
                sink.done();
                return;
            }
            handlers.getOrDefault(key, (p, s) -> s.done()).answer(params, sink);
        }

        @Override
        public String database() { return database; }

        @Override
        public String login() { return login; }

        @Override
        public void close() {}
    }
}
