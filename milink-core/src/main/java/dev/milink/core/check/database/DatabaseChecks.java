// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.Check;
import java.util.List;

/** The database checks, in report order. */
public final class DatabaseChecks {

    public static final List<Check> ALL = List.of();

    private DatabaseChecks() {
    }
}
