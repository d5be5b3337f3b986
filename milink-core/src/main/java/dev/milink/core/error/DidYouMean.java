// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?" for a mistyped id or key, so a typo costs one more try, not a trip to the docs. One place for
 * every such hint (check ids on the command line and in the config file, config keys).
 *
 * @since 0.1
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * Up to three known values close to {@code wanted} (case-insensitive edit distance of at most 2, or a known
     * id ending in {@code -wanted}, so {@code D7} finds {@code MIL-D7}), closest first.
     */
    public static List<String> closest(Collection<String> known, String wanted) {
        String w = wanted.strip().toUpperCase(Locale.ROOT);
        return known.stream()
                .filter(k -> k.toUpperCase(Locale.ROOT).endsWith("-" + w) || distance(k.toUpperCase(Locale.ROOT), w) <= 2)
                .sorted(Comparator.comparingInt(k -> distance(k.toUpperCase(Locale.ROOT), w)))
                .limit(3).toList();
    }

    /** {@code " Did you mean A or B?"}, or the empty string when nothing is close. */
    public static String hint(Collection<String> known, String wanted) {
        List<String> close = closest(known, wanted);
        return close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
    }

    /** The single nearest value, however far (for short fixed vocabularies such as config keys). */
    public static String nearest(Collection<String> known, String wanted) {
        String w = wanted.strip().toLowerCase(Locale.ROOT);
        return known.stream().min(Comparator.comparingInt(k -> distance(k.toLowerCase(Locale.ROOT), w)))
                .orElseThrow();
    }

    /** Levenshtein distance, case-sensitive. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
