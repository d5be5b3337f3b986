// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.check.Check;
import java.util.List;

/** The version checks, in report order. */
public final class VersionChecks {

    public static final List<Check> ALL = List.of();

    private VersionChecks() {
    }
}
