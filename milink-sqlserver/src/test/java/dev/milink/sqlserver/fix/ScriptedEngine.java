// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.ScriptedSession;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlEngine;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.engine.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A tiny engine for executor tests: answers the executor's own queries (database guard, xp_fileexist) from
 * settable state, runs scripted handlers for other batches, and records every batch it received.
 */
final class ScriptedEngine implements SqlEngine {

    record Handler(Pattern pattern, BiConsumer<String, ResultSink> action) {}

    final List<String> batches = new CopyOnWriteArrayList<>();
    final Set<String> directories = ConcurrentHashMap.newKeySet();
    final Set<String> availabilityGroupDatabases = ConcurrentHashMap.newKeySet();
    final Set<String> readOnlyDatabases = ConcurrentHashMap.newKeySet();
    final Set<String> missingDatabases = ConcurrentHashMap.newKeySet();
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();

    /** Runs {@code action} for batches matching {@code regex} (case-insensitive find). */
    ScriptedEngine on(String regex, BiConsumer<String, ResultSink> action) {
        handlers.addFirst(new Handler(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), action));
        return this;
    }

    /** Fails batches matching {@code regex} with {@code error}. */
    ScriptedEngine fail(String regex, SqlError error) {
        return on(regex, (sql, sink) -> sink.error(error));
    }

    /** Batches that are not the executor's own probes. */
    List<String> steps() {
        return batches.stream().filter(b -> !b.contains("xp_fileexist") && !b.contains("sys.database_mirroring"))
                .toList();
    }

    @Override
    public Session openSession(LoginRequest login) {
        return new ScriptedSession(login.user(), this::answer, (sql, sink) -> sink.error(new SqlError(2812, 62, 16,
                "not scripted: " + sql.toLowerCase(Locale.ROOT))));
    }

    private void answer(String sql, ResultSink sink) {
        batches.add(sql);
        if (sql.contains("xp_fileexist")) {
            String path = sql.substring(sql.indexOf("N'") + 2, sql.lastIndexOf('\'')).replace("''", "'");
            boolean dir = directories.contains(path);
            sink.resultSet(List.of(Column.of("File Exists", SqlType.INT), Column.of("File is a Directory",
                    SqlType.INT), Column.of("Parent Directory Exists", SqlType.INT)),
                    List.<Object[]>of(new Object[] {0, dir ? 1 : 0, 1}));
            return;
        }
        if (sql.contains("sys.database_mirroring")) {
            String name = sql.substring(sql.lastIndexOf("d.name = N'") + 11, sql.lastIndexOf('\''))
                    .replace("''", "'");
            List<Object[]> rows = new ArrayList<>();
            if (!missingDatabases.contains(name)) {
                rows.add(new Object[] {readOnlyDatabases.contains(name),
                        availabilityGroupDatabases.contains(name), false});
            }
            sink.resultSet(List.of(Column.of("is_read_only", SqlType.BIT), Column.of("in_availability_group",
                    SqlType.BIT), Column.of("mirrored", SqlType.BIT)), rows);
            return;
        }
        for (Handler h : handlers) {
            if (h.pattern().matcher(sql).find()) {
                h.action().accept(sql, sink);
                return;
            }
        }
        sink.done();
    }

    @Override
    public String productVersion() {
        return "15.0.4261.1";
    }
}
