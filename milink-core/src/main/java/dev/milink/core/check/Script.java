// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One script (or set of instructions) for one tool. Secrets never appear in {@code text}: T-SQL that needs one
 * uses the sqlcmd variable {@code $(MILINK_DMK_PASSWORD)}-style placeholder named in the step.
 *
 * <p>A script made with {@link #lazy} renders its text on the first call of {@link #text()}, once: every finding
 * carries its fix scripts, but the text report never prints them, and rendering them all was a measurable part of a
 * fleet's client CPU (docs/benchmarks.md). Equality, hash code and string form are those of the text, as for the
 * record this class was.
 */
public final class Script {

    private final ScriptKind kind;
    /** Set until the text is rendered, then {@code null}. */
    private Supplier<String> render;
    private volatile String text;

    /**
     * @param kind the tool
     * @param text the script's text
     */
    public Script(ScriptKind kind, String text) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.text = Objects.requireNonNull(text, "text");
    }

    private Script(ScriptKind kind, Supplier<String> render) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.render = Objects.requireNonNull(render, "render");
    }

    /**
     * A script whose text {@code render} makes on first use (at most once, also when several threads ask). The
     * supplier must not depend on anything that changes after this call.
     */
    public static Script lazy(ScriptKind kind, Supplier<String> render) {
        return new Script(kind, render);
    }

    public ScriptKind kind() {
        return kind;
    }

    public String text() {
        String t = text;
        if (t == null) {
            synchronized (this) {
                t = text;
                if (t == null) {
                    t = Objects.requireNonNull(render.get(), "text");
                    text = t;
                    render = null;
                }
            }
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Script s && kind == s.kind && text().equals(s.text());
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + text().hashCode();
    }

    @Override
    public String toString() {
        return "Script[kind=" + kind + ", text=" + text() + "]";
    }
}
