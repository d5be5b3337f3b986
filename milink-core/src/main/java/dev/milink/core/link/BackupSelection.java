// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The databases a backup step selects, in Ola Hallengren's {@code @Databases} syntax (comma-separated items;
 * {@code USER_DATABASES}, {@code SYSTEM_DATABASES}, {@code ALL_DATABASES}, {@code AVAILABILITY_GROUP_DATABASES};
 * {@code %} wildcards; {@code [name]}; a leading {@code -} excludes) or as plain names from {@code BACKUP LOG}.
 * A database about to join a link counts as an availability-group database: once the link exists it is one.
 *
 * @param items    the selection items in order, as written
 * @param readable false when the command could not be read (a variable, dynamic SQL, a maintenance plan); every
 *                 database is then a MAYBE
 * @param note     why it is unreadable, or empty
 * @since 0.3
 */
public record BackupSelection(List<String> items, boolean readable, String note) {

    /** Whether a step covers a database. */
    public enum Match { YES, NO, MAYBE }

    private static final List<String> SYSTEM = List.of("master", "model", "msdb", "tempdb");

    public BackupSelection {
        items = List.copyOf(items);
        Objects.requireNonNull(note, "note");
    }

    /** The named databases. */
    public static BackupSelection names(List<String> names) {
        return new BackupSelection(names, true, "");
    }

    /** Ola Hallengren's {@code @Databases} value, e.g. {@code USER_DATABASES, -Staging%}. */
    public static BackupSelection ola(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '[') {
                inBracket = true;
            } else if (c == ']' && inBracket) {
                if (i + 1 < value.length() && value.charAt(i + 1) == ']') {
                    current.append(']');
                    i++;
                } else {
                    inBracket = false;
                }
            } else if (c == ',' && !inBracket) {
                add(items, current);
            } else {
                current.append(c);
            }
        }
        add(items, current);
        return new BackupSelection(items, true, "");
    }

    /** A step milink cannot read; every database is a MAYBE. */
    public static BackupSelection unreadable(String why) {
        return new BackupSelection(List.of(), false, why);
    }

    /** Every database (e.g. {@code sp_MSforeachdb} around {@code BACKUP LOG}). */
    public static BackupSelection all() {
        return new BackupSelection(List.of("ALL_DATABASES"), true, "");
    }

    private static void add(List<String> items, StringBuilder current) {
        String item = current.toString().strip();
        if (!item.isEmpty()) {
            items.add(item);
        }
        current.setLength(0);
    }

    public Match matches(String database) {
        if (!readable) {
            return Match.MAYBE;
        }
        boolean included = false;
        for (String item : items) {
            boolean exclude = item.startsWith("-");
            String pattern = exclude ? item.substring(1).strip() : item;
            if (selects(pattern, database)) {
                if (exclude) {
                    return Match.NO;
                }
                included = true;
            }
        }
        return included ? Match.YES : Match.NO;
    }

    private static boolean selects(String item, String database) {
        boolean system = SYSTEM.contains(database.toLowerCase(Locale.ROOT));
        return switch (item.toUpperCase(Locale.ROOT)) {
            case "ALL_DATABASES" -> true;
            case "USER_DATABASES" -> !system;
            case "SYSTEM_DATABASES" -> system;
            case "AVAILABILITY_GROUP_DATABASES" -> !system;
            default -> like(item, database);
        };
    }

    private static boolean like(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("%", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                .matcher(name).matches();
    }

    /** For the user: {@code USER_DATABASES, -Staging%}, or why it could not be read. */
    public String describe() {
        return readable ? String.join(", ", items) : "unreadable (" + note + ")";
    }
}
