// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.scenario.Scenario;
import java.util.List;
import java.util.Locale;

/**
 * A server configuration option (sys.configurations / sp_configure). The scenario's {@code configurations}
 * map holds configured values; {@code value_in_use} catches up on RECONFIGURE, tracked under the key
 * {@code "<name>|pending"} while a change waits for it.
 *
 * @param id          configuration_id
 * @param name        option name
 * @param minimum     smallest value
 * @param maximum     largest value
 * @param byDefault   value of a fresh install
 * @param dynamic     takes effect on RECONFIGURE (else on restart)
 * @param advanced    needs 'show advanced options'
 * @param description as sys.configurations describes it
 */
public record Configuration(int id, String name, int minimum, int maximum, int byDefault, boolean dynamic,
                            boolean advanced, String description) {

    /** The options the sandbox knows. */
    public static final List<Configuration> ALL = List.of(
            new Configuration(518, "show advanced options", 0, 1, 0, true, false, "show advanced options"),
            new Configuration(1538, "cost threshold for parallelism", 0, 32767, 5, true, true,
                    "cost threshold for parallelism"),
            new Configuration(1539, "max degree of parallelism", 0, 32767, 0, true, true,
                    "maximum degree of parallelism"),
            new Configuration(1544, "max server memory (MB)", 128, Integer.MAX_VALUE, Integer.MAX_VALUE, true, true,
                    "Maximum size of server memory (MB)"),
            new Configuration(1562, "clr enabled", 0, 1, 0, true, false, "CLR user code execution enabled in the server"),
            new Configuration(1576, "remote admin connections", 0, 1, 0, true, false,
                    "Dedicated Admin Connections are allowed from remote clients"),
            new Configuration(1579, "backup compression default", 0, 1, 0, true, false,
                    "Enable compression of backups by default"),
            new Configuration(1584, "backup checksum default", 0, 1, 0, true, false,
                    "Enable checksum of backups by default"),
            new Configuration(16384, "Agent XPs", 0, 1, 0, true, true, "Enable or disable Agent XPs"),
            new Configuration(16390, "xp_cmdshell", 0, 1, 0, true, true, "Enable or disable command shell"),
            new Configuration(16393, "contained database authentication", 0, 1, 0, true, false,
                    "Enables contained databases and contained authentication"));

    /** The option whose name starts with {@code prefix} (sp_configure accepts unique prefixes), or null. */
    public static Configuration find(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        for (Configuration c : ALL) {
            if (c.name.equalsIgnoreCase(p)) {
                return c;
            }
        }
        List<Configuration> matches = ALL.stream().filter(c -> c.name.toLowerCase(Locale.ROOT).startsWith(p)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    public int value(Scenario s) {
        Integer v = s.configurations.get(name);
        if (v != null) {
            return v;
        }
        return "Agent XPs".equals(name) && s.agent.running() ? 1 : byDefault;
    }

    public int valueInUse(Scenario s) {
        Integer pending = s.configurations.get(name + "|pending");
        return pending != null ? pending : value(s);
    }
}
