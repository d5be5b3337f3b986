// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A catalog view, DMV or msdb table with SQL Server's documented name, columns and types, whose rows are
 * computed from the instance state each time a query reads it.
 *
 * @param schema     {@code sys} or {@code dbo}
 * @param name       object name, lower case
 * @param scope      where the object lives
 * @param columns    every column the object has on some version
 * @param exists     whether the object exists on a given instance (version, platform, Managed Instance)
 * @param permission what the login needs to read it
 * @param rows       the rows, keyed by column name
 */
public record CatalogView(String schema, String name, Scope scope, List<ViewColumn> columns,
                          Predicate<Scenario> exists, Permission permission,
                          Function<ViewContext, List<Map<String, Object>>> rows) {

    /** Where an object lives: once per instance, once per database, or only in msdb. */
    public enum Scope { SERVER, DATABASE, MSDB }

    /** Permission needed to read the object; NONE also covers metadata-visibility row filtering done by rows. */
    /**
     * What a login needs to read the view. VIEW_SERVER_PERFORMANCE_STATE: SQL Server 2022 split it out of VIEW SERVER
     * STATE (which still includes it); before 2022 the view needs VIEW SERVER STATE.
     */
    public enum Permission { NONE, VIEW_SERVER_STATE, VIEW_SERVER_PERFORMANCE_STATE }

    /** Columns present on this instance. */
    public List<ViewColumn> columnsFor(Scenario s) {
        List<ViewColumn> out = new ArrayList<>();
        for (ViewColumn c : columns) {
            if (c.exists().test(s)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A column and the instances that have it. */
    public record ViewColumn(String name, SqlType type, Predicate<Scenario> exists) {}

    /** Starts a view definition. */
    public static Builder builder(String schema, String name, Scope scope) {
        return new Builder(schema, name, scope);
    }

    /** Fluent definition of a view's columns and availability. */
    public static final class Builder {
        private final String schema;
        private final String name;
        private final Scope scope;
        private final List<ViewColumn> columns = new ArrayList<>();
        private Predicate<Scenario> exists = s -> true;
        private Permission permission = Permission.NONE;

        private Builder(String schema, String name, Scope scope) {
            this.schema = schema;
            this.name = name;
            this.scope = scope;
        }

        public Builder col(String column, SqlType type) {
            columns.add(new ViewColumn(column, type, s -> true));
            return this;
        }

        /** A column that exists from major version {@code since} on (e.g. 15 for SQL Server 2019). */
        public Builder col(String column, SqlType type, int since) {
            columns.add(new ViewColumn(column, type, s -> s.isManagedInstance() || s.majorVersion() >= since));
            return this;
        }

        /**
         * Columns as SQL Server's documentation lists them, comma-separated: {@code name type [since N]}, e.g.
         * {@code "name sysname, database_id int, is_ledger_on bit since 16"}. Types are read by
         * {@link Types#parse}; {@code since N} marks a column that exists from major version N on.
         */
        public Builder columns(String spec) {
            for (String item : spec.strip().split(",\\s*(?![^()]*\\))")) {
                String[] words = item.strip().split("\\s+");
                boolean since = words.length == 4 && "since".equals(words[2]);
                if (words.length != 2 && !since) {
                    throw new IllegalArgumentException("Bad column in " + name + ": '" + item.strip() + "'");
                }
                SqlType type = Types.parse(words[1]);
                if (since) {
                    col(words[0], type, Integer.parseInt(words[3]));
                } else {
                    col(words[0], type);
                }
            }
            return this;
        }

        public Builder exists(Predicate<Scenario> predicate) {
            this.exists = predicate;
            return this;
        }

        /** The object exists from major version {@code major} on (Managed Instance always has it). */
        public Builder since(int major) {
            return exists(s -> s.isManagedInstance() || s.majorVersion() >= major);
        }

        public Builder requires(Permission p) {
            this.permission = p;
            return this;
        }

        public CatalogView rows(Function<ViewContext, List<Map<String, Object>>> source) {
            return new CatalogView(schema, name, scope, List.copyOf(columns), exists, permission, source);
        }

        /**
         * One row per item, the usual shape of a view over scenario objects:
         * {@code .rowPer(ctx -> ctx.scenario().databases, (ctx, d) -> Row.of().set("database_id", d.id))}.
         * {@code row} returns null to leave an item out.
         */
        public <T> CatalogView rowPer(Function<ViewContext, ? extends Iterable<? extends T>> items,
                                      BiFunction<ViewContext, T, Row> row) {
            return rows(ctx -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (T item : items.apply(ctx)) {
                    Row r = row.apply(ctx, item);
                    if (r != null) {
                        out.add(r.map());
                    }
                }
                return out;
            });
        }

        /** A view of at most one row; {@code row} returns null for none. */
        public CatalogView oneRow(Function<ViewContext, Row> row) {
            return rows(ctx -> {
                Row r = row.apply(ctx);
                return r == null ? List.of() : List.of(r.map());
            });
        }
    }
}
