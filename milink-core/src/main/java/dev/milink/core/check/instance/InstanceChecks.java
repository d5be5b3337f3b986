// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Check;
import java.util.List;

/** The instance checks, in report order. */
public final class InstanceChecks {

    public static final List<Check> ALL = List.of();

    private InstanceChecks() {
    }
}
