// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Facts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds remediation steps for the instance checks from the templates under {@code fix/<folder>/}. Step ids are
 * {@code <check-id>/<instance>/<action>}; a step several checks propose (the service restart) uses one id so a
 * plan can keep it once.
 */
final class Fixes {

    /** Plan order within a phase: prerequisites get lower numbers. */
    static final int HOST_WSFC = 10;
    static final int HOST_TRACE_FLAGS = 20;
    static final int HOST_HADR = 30;
    static final int HOST_AGENT = 40;
    static final int HOST_RESTART = 90;
    /** Leftovers of an interrupted network test go first: the link's endpoint cannot coexist with its endpoint. */
    static final int SQL_LEFTOVERS = 5;
    static final int SQL_MASTER_KEY = 10;
    static final int SQL_GRANTS = 15;
    static final int SQL_TRACE_ON = 18;
    static final int SQL_ENDPOINT_CERTIFICATE = 20;
    static final int SQL_ENDPOINT = 30;
    static final int SQL_ROOT_CA = 40;
    static final int SQL_MI_CERTIFICATE = 50;

    private Fixes() {
    }

    static Script script(ScriptKind kind, String folder, String template, Map<String, String> values) {
        ScriptTemplate t = ScriptTemplate.fix(folder, template);
        Map<String, String> v = new HashMap<>(values);
        return Script.lazy(kind, () -> t.render(v));
    }

    static String stepId(String checkId, Facts facts, String action) {
        return checkId + "/" + facts.server().target() + "/" + action;
    }

    /** A T-SQL step milink may apply (idempotent, no restart). */
    static FixStep appliableTsql(String checkId, Facts facts, String action, String title, int order, Script tsql) {
        return new FixStep(stepId(checkId, facts, action), title, Phase.INSTANCE, order, false, true, List.of(tsql),
                Optional.empty());
    }

    /** A step a person runs (host tools, Azure, or T-SQL that is not safe to apply unattended). */
    static FixStep manual(String checkId, Facts facts, String action, String title, Phase phase, int order,
                          boolean restartRequired, List<Script> scripts) {
        return new FixStep(stepId(checkId, facts, action), title, phase, order, restartRequired, false, scripts,
                Optional.empty());
    }
}
