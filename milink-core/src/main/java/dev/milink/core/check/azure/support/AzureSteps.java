// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.Facts;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.script.Syntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fix steps of the Azure checks. Ids are {@code <check-id>/<instance>/<action>} like the instance checks'; script
 * text comes from templates under {@code fix/<check-id>/} or, for ARM requests, from {@link ArmRequest}.
 */
public final class AzureSteps {

    /** Plan order within the AZURE phase: network rules, then trust certificates, then TDE certificates. */
    public static final int ORDER_NSG = 10;
    public static final int ORDER_TRUST_CERTIFICATE = 20;
    public static final int ORDER_TDE = 30;
    public static final int ORDER_MANUAL = 50;

    private AzureSteps() {
    }

    /** A PowerShell single-quoted literal (the one place the Azure checks quote for PowerShell). */
    public static String ps(String value) {
        return Syntax.POWERSHELL.quote(value);
    }

    /** A POSIX shell single-quoted literal. */
    public static String sh(String value) {
        return Syntax.POSIX_SHELL.quote(value);
    }

    /** A Bicep single-quoted string ({@code \\}, {@code \'} and {@code \$} escaped: nothing interpolates). */
    public static String bicep(String value) {
        return Syntax.BICEP.quote(value);
    }

    public static Builder step(String checkId, Facts facts, String action, String title) {
        return new Builder(checkId, checkId + "/" + facts.server().target() + "/" + action, title);
    }

    /**
     * Fluent step construction of an AZURE-phase step (unless {@link #phase} says otherwise) that needs no secret; a step is appliable only with an ARM
     * request or T-SQL among its scripts.
     */
    public static final class Builder {
        private final String checkId;
        private final String id;
        private final String title;
        private final Map<String, String> values = new HashMap<>();
        private final List<Script> scripts = new ArrayList<>();
        private int order = ORDER_MANUAL;
        private Phase phase = Phase.AZURE;
        private boolean appliable;

        private Builder(String checkId, String id, String title) {
            this.checkId = checkId;
            this.id = id;
            this.title = title;
        }

        /** A placeholder value, already quoted for the script's language. */
        public Builder value(String name, String value) {
            values.put(name, value);
            return this;
        }

        public Builder order(int o) {
            order = o;
            return this;
        }

        /**
         * Another phase than AZURE, for a request that needs what an earlier T-SQL step creates (it is then sent
         * after the SQL Server steps).
         */
        public Builder phase(Phase p) {
            phase = p;
            return this;
        }

        public Builder appliable(boolean a) {
            appliable = a;
            return this;
        }

        /** A script rendered from {@code fix/<check-id>/<template>}. */
        public Builder template(ScriptKind kind, String template) {
            ScriptTemplate t = ScriptTemplate.fix(checkId, template);
            Map<String, String> v = new HashMap<>(values);
            scripts.add(Script.lazy(kind, () -> t.render(v)));
            return this;
        }

        /** A script whose text is already complete. */
        public Builder text(ScriptKind kind, String text) {
            scripts.add(new Script(kind, text));
            return this;
        }

        public FixStep build() {
            return new FixStep(id, title, phase, order, false, appliable, scripts, Optional.empty());
        }
    }
}
