// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scenarios shipped under {@code src/main/resources/scenarios/}, loadable by name. Parsed templates are
 * cached and shared; callers that change state work on {@link Scenario#copy()} (the catalog engine does).
 *
 * <pre>
 * for (String name : Scenarios.names()) {
 *     Scenario s = Scenarios.load(name);
 * }
 * </pre>
 *
 * @since 0.1
 */
public final class Scenarios {
    /** Every shipped scenario, in the order {@code milink sandbox --list} shows them. */
    private static final List<String> NAMES = List.of(
            "unprepared-2019", "prepared-2022", "sql2016-sp3-no-connect-pack", "linux-2022", "limited-login",
            "managed-instance", "prepared-2022-log-backups", "prepared-2022-half-link");
    private static final Map<String, Scenario> TEMPLATES = new ConcurrentHashMap<>();

    private Scenarios() {}

    public static List<String> names() {
        return NAMES;
    }

    /**
     * The shared, already-defaulted template of a shipped scenario. Treat it as read-only.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Scenario load(String name) {
        Scenario cached = TEMPLATES.get(name);
        if (cached != null) {
            return cached;
        }
        Scenario parsed = resolve(tree(name), name);
        Scenario raced = TEMPLATES.putIfAbsent(name, parsed);
        return raced == null ? parsed : raced;
    }

    static Scenario resolve(JsonNode tree, String source) {
        JsonNode merged = withBase(tree);
        Scenario s = ScenarioMapper.bind(merged, source);
        validate(s, source);
        ScenarioDefaults.apply(s);
        return s;
    }

    /** What the YAML must say because no default would be honest. */
    private static void validate(Scenario s, String source) {
        for (Scenario.Database db : s.databases) {
            for (int i = 0; i < db.backups.size(); i++) {
                Backup b = db.backups.get(i);
                if (b.device == null || b.device.isBlank()) {
                    // msdb.dbo.backupmediafamily.physical_device_name is the file the backup went to
                    throw new IllegalArgumentException("Invalid scenario " + source + ": database '" + db.name
                            + "', backups[" + i + "] (type " + b.type + ") has no device; give the backup file, e.g."
                            + " device: '" + (s.isLinux() ? "/var/opt/mssql/backup/" : "D:\\Backups\\") + db.name
                            + ".bak'");
                }
            }
        }
    }

    private static JsonNode withBase(JsonNode tree) {
        return ScenarioMapper.withBase(tree, Scenarios::tree, Set.of());
    }

    private static JsonNode tree(String name) {
        return ScenarioMapper.resource("/scenarios/" + name + ".yaml",
                "Unknown scenario '" + name + "'; known: " + NAMES);
    }
}
