// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one "restart the SQL Server service" step. Every check whose fix takes effect only after a restart adds
 * this step under the same id ({@code MIL-I7/<instance>/restart}), so a plan restarts once, after all host changes.
 */
final class Restart {

    static final String FOLDER = "MIL-I7";

    private Restart() {
    }

    static FixStep step(Facts facts) {
        Platform platform = Platform.of(facts.server());
        InstanceNames names = InstanceNames.of(facts.server());
        Map<String, String> values = Map.of(
                "agentService", names.agentService(),
                "serviceName", names.engineService());
        List<Script> scripts = new ArrayList<>();
        if (platform.mayBeWindows()) {
            scripts.add(Fixes.script(ScriptKind.CONFIGURATION_MANAGER, FOLDER, "restart-windows.txt", values));
            scripts.add(Fixes.script(ScriptKind.WINDOWS_POWERSHELL, FOLDER, "restart-windows.ps1", values));
        }
        if (platform.mayBeLinux()) {
            scripts.add(Fixes.script(ScriptKind.LINUX_SHELL, FOLDER, "restart-linux.sh", Map.of()));
        }
        return Fixes.manual("MIL-I7", facts, "restart", "Restart the SQL Server service " + names.engineService()
                        + (names.assumed() ? " (instance name unknown; default instance assumed)" : ""),
                Phase.HOST, Fixes.HOST_RESTART, true, scripts);
    }
}
