// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.fix;

import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixScripts;
import dev.milink.core.fix.PlannedStep;
import java.io.PrintWriter;
import java.util.List;

/** Prints a plan for a person: numbered steps, what each changes, restart, T-SQL or manual, and instructions. */
final class PlanText {

    private PlanText() {
    }

    static void print(FixPlan plan, FixScripts.Platform platform, PrintWriter out) {
        if (plan.isEmpty()) {
            out.println("Nothing to fix on " + plan.target() + ": no failed or warned check has a remediation.");
            return;
        }
        long arm = plan.appliable().stream().filter(PlanText::isArm).count();
        long tsql = plan.appliable().size() - arm;
        out.println("Fix plan for " + plan.target() + ": " + plan.steps().size() + " step(s), " + tsql
                + " T-SQL that milink can apply, " + (arm == 0 ? "" : arm + " Azure Resource Manager request(s) "
                + "that milink can send, ") + plan.manual().size() + " for you to do"
                + (plan.restartRequired() ? "; a SQL Server restart is needed." : "."));
        for (PlannedStep s : plan.steps()) {
            out.println();
            out.println(line(s));
            if (!s.appliable() || isArm(s)) {
                instructions(s, platform, out);
            }
        }
        out.println();
    }

    /** {@code  3. [T-SQL] Set the recovery model of [Sales] to FULL  (MIL-D6; sql01 / Sales)}. */
    static String line(PlannedStep s) {
        String how = !s.appliable() ? "manual" : isArm(s) ? "ARM" : "T-SQL";
        return String.format("%3d. [%s%s] %s  (%s; %s)", s.number(), how,
                s.step().restartRequired() ? ", restart" : "", s.step().title(), String.join(", ", s.checkIds()),
                s.target());
    }

    /** A step milink applies by sending its Azure Resource Manager request (az, PowerShell and Bicep beside it). */
    static boolean isArm(PlannedStep s) {
        return s.appliable() && s.step().script(ScriptKind.ARM_REQUEST).isPresent();
    }

    /** The exact instructions of a step milink does not run, for the host's platform. */
    static void instructions(PlannedStep s, FixScripts.Platform platform, PrintWriter out) {
        List<Script> scripts = s.step().scripts().stream().filter(x -> shown(x.kind(), platform)).toList();
        for (Script script : scripts) {
            out.println("       " + script.kind().label() + (script.kind() == ScriptKind.TSQL
                    ? " (not applied by milink; review and run it yourself):" : ":"));
            script.text().strip().lines().forEach(l -> out.println("         " + l));
        }
    }

    private static boolean shown(ScriptKind kind, FixScripts.Platform platform) {
        return switch (kind) {
            case WINDOWS_POWERSHELL, CONFIGURATION_MANAGER -> platform != FixScripts.Platform.LINUX;
            case LINUX_SHELL -> platform != FixScripts.Platform.WINDOWS;
            default -> true;
        };
    }
}
