// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;

/**
 * One part of an inventory split across machines: {@code --shard 2/4} is the second of four. How entries are
 * dealt: {@link Inventory#shard(Shard)}.
 *
 * @param index 1-based, at most {@code count}
 * @param count how many shards in all, at least 1
 * @since 0.2
 */
public record Shard(int index, int count) {

    /** Not split. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** {@code K/N} with 1 ≤ K ≤ N. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                int k = Integer.parseInt(t.substring(0, slash).trim());
                int n = Integer.parseInt(t.substring(slash + 1).trim());
                if (n >= 1 && n <= 10_000 && k >= 1 && k <= n) {
                    return new Shard(k, n);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new MilinkException(CoreError.USAGE, "--shard must be K/N with 1 <= K <= N (e.g. 2/4 for the second"
                + " of four machines), not '" + text + "'.");
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
