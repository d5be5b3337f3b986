// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

/**
 * File names milink makes from names it does not control (databases, certificates), for the backup and
 * certificate files its scripts write.
 *
 * @since 0.3
 */
public final class FileNames {

    private static final int MAX_NAME = 100;

    private FileNames() {
    }

    /**
     * A file name stem safe on Windows and Linux for any database or certificate name: letters and digits of
     * any script are kept ({@code Ведомости}, {@code 販売}), {@code - _ .} are kept, everything else (path
     * separators, {@code : * ? " < > |}, quotes, brackets, spaces, control characters, {@code $}) becomes
     * {@code _}; runs of {@code _} collapse; leading/trailing dots and underscores go (Windows drops trailing
     * dots); the result is capped at 100 characters and never empty.
     */
    public static String safe(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            boolean keep = Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '_';
            if (keep) {
                out.appendCodePoint(cp);
            } else if (out.isEmpty() || out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        });
        String s = out.toString().replaceAll("_{2,}", "_").replaceAll("^[._]+|[._]+$", "");
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_NAME));
        }
        return s.isEmpty() ? "database" : s;
    }

    /**
     * {@code dir} and {@code file} joined with the separator {@code dir} already uses: a backslash for a Windows
     * path ({@code D:\Backups}, {@code \\share\x}), a slash otherwise.
     */
    public static String join(String dir, String file) {
        if (dir.endsWith("/") || dir.endsWith("\\")) {
            return dir + file;
        }
        boolean windows = dir.contains("\\") || dir.matches("^[A-Za-z]:.*");
        return dir + (windows ? "\\" : "/") + file;
    }
}
