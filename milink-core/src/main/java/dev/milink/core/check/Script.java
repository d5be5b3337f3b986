// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.util.Objects;

/**
 * One script (or set of instructions) for one tool. Secrets never appear in {@code text}: T-SQL that needs one
 * uses the sqlcmd variable {@code $(MILINK_DMK_PASSWORD)}-style placeholder named in the step.
 */
public record Script(ScriptKind kind, String text) {
    public Script {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
