// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.secret.Secret;
import java.security.SecureRandom;

/**
 * Passwords for the database master key ({@code MILINK_DMK_PASSWORD}): what milink generates when the user gives
 * none, and the rule a given one must meet.
 *
 * <pre>{@code
 * Secret password = DmkPasswords.generate();   // 40 characters, never printed
 * }</pre>
 *
 * @since 0.1
 */
public final class DmkPasswords {

    /** The sqlcmd variable (and environment variable) the master key step reads. */
    public static final String VARIABLE = "MILINK_DMK_PASSWORD";
    /** Length of generated passwords. */
    public static final int LENGTH = 40;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    /**
     * Symbols that are plain in T-SQL literals, sqlcmd, PowerShell and POSIX shells alike: no quotes, no
     * {@code $ ( ) [ ] { } ; & | < > \ `}, no spaces.
     */
    private static final String SYMBOLS = "!#%*+,-./:=?@^_~";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DmkPasswords() {
    }

    /**
     * A new random password of {@value #LENGTH} characters with at least two upper-case letters, lower-case
     * letters, digits and symbols each, so it meets SQL Server's (Windows) password complexity policy; it has no
     * {@code '}, so it needs no escaping anywhere.
     */
    public static Secret generate() {
        char[] out = new char[LENGTH];
        String[] required = {UPPER, UPPER, LOWER, LOWER, DIGITS, DIGITS, SYMBOLS, SYMBOLS};
        for (int i = 0; i < LENGTH; i++) {
            String pool = i < required.length ? required[i] : ALL;
            out[i] = pool.charAt(RANDOM.nextInt(pool.length()));
        }
        for (int i = out.length - 1; i > 0; i--) { // Fisher-Yates, so the required classes are not all in front
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        Secret s = Secret.of(out);
        java.util.Arrays.fill(out, '\0');
        return s;
    }

    /**
     * Why {@code password} would be rejected by SQL Server's complexity policy, or empty when it is fine: at least
     * 8 characters and three of the four classes (upper, lower, digit, symbol). The text never contains the
     * password.
     */
    public static java.util.Optional<String> weakness(Secret password) {
        String p = password.reveal();
        if (p.length() < 8) {
            return java.util.Optional.of("it has fewer than 8 characters");
        }
        int classes = (p.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (p.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (p.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        return classes >= 3 ? java.util.Optional.empty()
                : java.util.Optional.of("it needs three of: upper-case letters, lower-case letters, digits, symbols");
    }
}
