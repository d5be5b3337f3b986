// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.script.TSql;
import dev.milink.core.secret.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The secrets a plan's T-SQL needs, by sqlcmd variable name ({@code MILINK_DMK_PASSWORD} for
 * {@code $(MILINK_DMK_PASSWORD)}). The executor substitutes them in memory right before sending a step and
 * never logs the result; {@link #toString()} shows names only.
 *
 * <pre>{@code
 * Secrets secrets = Secrets.of(Map.of("MILINK_DMK_PASSWORD", DmkPasswords.generate()));
 * }</pre>
 *
 * @since 0.1
 */
public final class Secrets {

    private static final Secrets NONE = new Secrets(Map.of());

    private final Map<String, Secret> byName;

    private Secrets(Map<String, Secret> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Secrets of(Map<String, Secret> byName) {
        return new Secrets(byName);
    }

    public static Secrets none() {
        return NONE;
    }

    /** A copy with one more secret. */
    public Secrets with(String name, Secret secret) {
        Map<String, Secret> m = new TreeMap<>(byName);
        m.put(name, secret);
        return new Secrets(m);
    }

    public Optional<Secret> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return new java.util.TreeSet<>(byName.keySet());
    }

    /**
     * {@code text} with every secret value, raw and as escaped inside a T-SQL literal, replaced by {@code ****};
     * for server messages and anything else that might echo what was sent.
     */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Secret s : byName.values()) {
            if (s.length() < 4) {
                continue; // masking 1-3 characters everywhere would garble messages more than it protects
            }
            String raw = s.reveal();
            masked = masked.replace(TSql.literalBody(raw), "****").replace(raw, "****");
        }
        return masked;
    }

    @Override
    public String toString() {
        return "Secrets" + names();
    }
}
