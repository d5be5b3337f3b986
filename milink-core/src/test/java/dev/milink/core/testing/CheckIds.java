// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.testing;

import dev.milink.core.check.Check;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** The check ids of a catalog list, and the numbered ids a catalog test expects ({@code MIL-D1}…{@code MIL-D23}). */
public final class CheckIds {

    private CheckIds() {
    }

    /** The ids of {@code checks}, in list order. */
    public static List<String> of(List<? extends Check> checks) {
        return checks.stream().map(c -> c.metadata().id()).toList();
    }

    /** {@code prefix + n} for n from {@code first} to {@code last}, skipping the numbers {@code skip} names. */
    public static List<String> numbered(String prefix, int first, int last, IntPredicate skip) {
        return IntStream.rangeClosed(first, last).filter(skip.negate()).mapToObj(i -> prefix + i).toList();
    }

    /** {@code prefix + n} for n from {@code first} to {@code last}. */
    public static List<String> numbered(String prefix, int first, int last) {
        return numbered(prefix, first, last, i -> false);
    }
}
