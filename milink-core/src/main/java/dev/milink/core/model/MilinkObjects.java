// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.Locale;

/**
 * Names milink gives the temporary objects it creates on a server ({@code milink network test}: an Agent job, and
 * when SQL Server has no mirroring endpoint, a test endpoint and its certificate). An object with such a name is
 * milink's own: when one is found outside a running test, an interrupted test left it behind.
 *
 * @since 0.1
 */
public final class MilinkObjects {

    /** Every object the network test creates starts with this. */
    public static final String NETWORK_TEST_PREFIX = "milink_nettest_";

    private MilinkObjects() {
    }

    /** Whether {@code name} is a network test's temporary object (compared case-insensitively, as SQL Server does). */
    public static boolean isNetworkTestObject(String name) {
        return name != null && name.length() > NETWORK_TEST_PREFIX.length()
                && name.substring(0, NETWORK_TEST_PREFIX.length()).toLowerCase(Locale.ROOT).equals(NETWORK_TEST_PREFIX);
    }
}
