// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.network;

import dev.milink.core.check.Check;
import java.util.List;

/** The network checks (requirements baseline rows N1–N9) that read the network test's results, in report order. */
public final class NetworkChecks {

    public static final List<Check> ALL = List.of(
            new BothDirectionsCheck());

    private NetworkChecks() {
    }
}
