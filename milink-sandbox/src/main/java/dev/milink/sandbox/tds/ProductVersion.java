// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/** A SQL Server version such as 16.0.1000.6, as PRELOGIN and LOGINACK carry it. */
record ProductVersion(int major, int minor, int build, int revision) {

    /** Parses "major.minor.build[.revision]"; missing parts are 0. */
    static ProductVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        int[] v = new int[4];
        for (int i = 0; i < Math.min(4, parts.length); i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return new ProductVersion(v[0], v[1], v[2], v[3]);
    }
}
