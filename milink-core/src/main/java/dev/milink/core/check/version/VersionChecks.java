// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.check.Check;
import java.util.List;

/** The version, edition and host checks MIL-V1…V11, in report order. */
public final class VersionChecks {

    public static final List<Check> ALL = List.of(
            new SupportedMajorVersionCheck(),
            new SqlServer2025BuildCheck(),
            new SqlServer2022BuildCheck(),
            new SqlServer2022FromMiBuildCheck(),
            new SqlServer2022TsqlFailoverBuildCheck(),
            new SqlServer2019BuildCheck(),
            new SqlServer2017BuildCheck(),
            new SqlServer2016BuildCheck(),
            new EditionCheck(),
            new HostOsCheck(),
            new TwoWayScopeCheck());

    private VersionChecks() {
    }
}
