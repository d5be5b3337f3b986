// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.core.script.ScriptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code .sql} resource, split into what the batch builders need: its leading {@code --} comments (the
 * {@code requires:} / {@code visibility:} lines name the permission it depends on), optional setup statements (each
 * ending in {@code ;}) and the final SELECT that produces the section's rows.
 *
 * @param resource    file name under {@code dev/milink/sqlserver/collect/sql/}
 * @param requirement what the query needs, e.g. "VIEW SERVER STATE", or null
 * @param visibility  permission without which SQL Server silently hides rows instead of failing, or null
 * @param setup       statements to run before the final SELECT, possibly empty
 * @param select      the final SELECT, without a trailing semicolon
 */
public record SqlText(String resource, String requirement, String visibility, String setup, String select) {

    static final String DIRECTORY = "/dev/milink/sqlserver/collect/sql/";

    public SqlText {
        Objects.requireNonNull(select, "select");
        if (!select.regionMatches(true, 0, "SELECT", 0, 6)) {
            throw new IllegalStateException(resource + ": the last statement must be a SELECT");
        }
    }

    /** Setup and final SELECT as one batch, for {@code sp_executesql}. */
    public String body() {
        return setup.isEmpty() ? select : setup + "\n" + select;
    }

    /** Loads and splits a resource. */
    public static SqlText load(String resource) {
        return parse(resource, ScriptTemplate.resource(SqlText.class, DIRECTORY + resource).text());
    }

    static SqlText parse(String resource, String text) {
        String requirement = null;
        String visibility = null;
        List<String> code = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            String t = line.strip();
            if (t.startsWith("--")) {
                String c = t.substring(2).strip();
                if (c.startsWith("requires:")) {
                    requirement = c.substring("requires:".length()).strip();
                } else if (c.startsWith("visibility:")) {
                    visibility = c.substring("visibility:".length()).strip();
                }
            } else if (!t.isEmpty()) {
                code.add(line.stripTrailing());
            }
        }
        String sql = String.join("\n", code).strip();
        int split = sql.lastIndexOf(";\n");
        String setup = split < 0 ? "" : sql.substring(0, split + 1);
        String select = split < 0 ? sql : sql.substring(split + 2).strip();
        if (select.endsWith(";")) {
            select = select.substring(0, select.length() - 1);
        }
        if (requirement != null && requirement.startsWith("nothing")) {
            requirement = null;
        }
        return new SqlText(resource, requirement, visibility, setup, select);
    }
}
