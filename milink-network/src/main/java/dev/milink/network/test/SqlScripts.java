// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.core.script.ScriptTemplate;
import java.util.Map;

/**
 * The network test's T-SQL, kept in {@code sql/*.sql} resources next to this package so DBAs can review it without
 * reading Java. Placeholders name their quoting ({@code {{job_name:tsql-string}}}, {@code {{endpoint:tsql-name}}};
 * see {@link ScriptTemplate}), so callers pass plain values. Leading {@code --} comment lines are dropped before
 * the text is sent.
 */
final class SqlScripts {

    private SqlScripts() {
    }

    /** The script {@code name} with its placeholders filled; a placeholder without a value is a bug. */
    static String render(String name, Map<String, String> values) {
        return ScriptTemplate.resource(SqlScripts.class, "sql/" + name).withoutCommentLines().render(values);
    }

    static String render(String name) {
        return render(name, Map.of());
    }
}
