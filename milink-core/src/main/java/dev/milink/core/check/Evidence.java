// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/**
 * What was seen and what is needed, in the user's terms, e.g. observed "SQL Server 2019 CU18 (15.0.4261.1)",
 * expected "CU20 (15.0.4312.2) or later".
 */
public record Evidence(String observed, String expected) {
    public static final Evidence NONE = new Evidence("", "");

    public static Evidence of(String observed, String expected) {
        return new Evidence(observed == null ? "" : observed, expected == null ? "" : expected);
    }
}
