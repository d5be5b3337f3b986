// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.Arrays;

/**
 * A four-part SQL Server build number such as {@code 15.0.4312.2}, compared numerically part by part.
 *
 * @since 0.1
 */
public record SqlVersion(int major, int minor, int build, int revision) implements Comparable<SqlVersion> {

    /** Parses "15.0.4312.2" (missing trailing parts count as 0). Throws IllegalArgumentException on junk. */
    public static SqlVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty SQL Server version");
        }
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("not a SQL Server version: '" + text + "'");
        }
        int[] n = new int[4];
        try {
            for (int i = 0; i < parts.length; i++) {
                n[i] = Integer.parseInt(parts[i]);
                if (n[i] < 0) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a SQL Server version: '" + text + "'", e);
        }
        return new SqlVersion(n[0], n[1], n[2], n[3]);
    }

    public boolean isAtLeast(SqlVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(SqlVersion o) {
        return Arrays.compare(new int[] {major, minor, build, revision},
                new int[] {o.major, o.minor, o.build, o.revision});
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + "." + revision;
    }
}
