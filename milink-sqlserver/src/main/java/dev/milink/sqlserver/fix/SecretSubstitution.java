// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.script.TSql;
import dev.milink.core.secret.Secret;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills sqlcmd-style {@code $(NAME)} placeholders in a step's T-SQL with secrets, in memory, right before
 * sending. A placeholder must sit inside a string literal (as in {@code PASSWORD = '$(MILINK_DMK_PASSWORD)'});
 * the value is escaped for that literal ({@code '} doubled). Placeholders in comments stay as they are; one in
 * code or in a delimited identifier is refused, because a value there would be executed rather than quoted.
 */
final class SecretSubstitution {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private SecretSubstitution() {
    }

    /** Why the text cannot be filled. The message names the variable, never a value. */
    static final class Unfillable extends Exception {
        private static final long serialVersionUID = 1L;

        Unfillable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @return the text to send; holds secrets, never log it
     * @throws Unfillable a placeholder has no secret, or sits outside a string literal
     */
    static String fill(String tsql, Secrets secrets) throws Unfillable {
        TsqlText text = TsqlText.of(tsql);
        StringBuilder out = new StringBuilder(tsql.length() + 32);
        for (TsqlText.Span s : text.spans()) {
            String part = tsql.substring(s.start(), s.end());
            Matcher m = PLACEHOLDER.matcher(part);
            switch (s.kind()) {
                case COMMENT -> out.append(part);
                case LITERAL -> {
                    StringBuilder filled = new StringBuilder();
                    while (m.find()) {
                        Optional<Secret> secret = secrets.get(m.group(1));
                        if (secret.isEmpty()) {
                            throw new Unfillable("the T-SQL needs the variable $(" + m.group(1) + "), which milink "
                                    + "does not have" + (m.group(1).equals("MILINK_BACKUP_DIR")
                                    ? " (give --backup-dir so the checks write the directory into the step)"
                                    : " (set the environment variable " + m.group(1) + ")"));
                        }
                        m.appendReplacement(filled, Matcher.quoteReplacement(TSql.literalBody(secret.get().reveal())));
                    }
                    m.appendTail(filled);
                    out.append(filled);
                }
                case CODE, IDENTIFIER -> {
                    if (m.find()) {
                        throw new Unfillable("the variable $(" + m.group(1) + ") stands outside a string literal; "
                                + "milink only puts secrets into quoted literals");
                    }
                    out.append(part);
                }
            }
        }
        return out.toString();
    }

    /** Names of the placeholders used inside literals (those that need a value to run). */
    static java.util.Set<String> needed(String tsql) {
        TsqlText text = TsqlText.of(tsql);
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (TsqlText.Span s : text.spans()) {
            if (s.kind() != TsqlText.Kind.COMMENT) {
                Matcher m = PLACEHOLDER.matcher(tsql.substring(s.start(), s.end()));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
