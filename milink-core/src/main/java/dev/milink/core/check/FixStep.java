// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.util.List;
import java.util.Optional;

/**
 * One remediation step, ready to be planned, rendered as scripts, or applied.
 *
 * @param id              stable within a plan: check id + target + action, e.g. {@code MIL-D6/[Sales]/recovery-full}
 * @param title           what it changes, e.g. "Set recovery model of [Sales] to FULL"
 * @param phase           ordering class: instance steps come before database steps
 * @param order           ordering within the phase (prerequisites get lower numbers)
 * @param restartRequired whether the change takes effect only after a service restart
 * @param appliable       whether milink can apply it itself: over T-SQL (a TSQL script) or through Azure Resource
 *                        Manager (an ARM_REQUEST script)
 * @param scripts         scripts per tool; at least one
 * @param secret          name of the secret the T-SQL needs (e.g. MILINK_DMK_PASSWORD), if any
 */
public record FixStep(String id, String title, Phase phase, int order, boolean restartRequired, boolean appliable,
                      List<Script> scripts, Optional<String> secret) {

    public FixStep {
        scripts = List.copyOf(scripts);
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("a fix step needs at least one script: " + id);
        }
        // Read the parameter, not script(): record fields are assigned only after the compact constructor.
        if (appliable && scripts.stream().noneMatch(s -> s.kind() == ScriptKind.TSQL
                || s.kind() == ScriptKind.ARM_REQUEST)) {
            throw new IllegalArgumentException("an appliable step needs T-SQL or an ARM request: " + id);
        }
    }

    public Optional<Script> script(ScriptKind kind) {
        return scripts.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** Plan order: OS and service level first, then instance T-SQL, then per database. */
    public enum Phase {
        HOST,
        /** Azure resources (NSG rules, trust certificates), before the SQL Server instance steps. */
        AZURE,
        INSTANCE,
        DATABASE
    }
}
