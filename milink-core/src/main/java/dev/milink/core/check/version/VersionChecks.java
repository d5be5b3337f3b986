// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.check.Check;
import java.util.List;
import java.util.stream.Stream;

/** The version, edition and host checks MIL-V1…V11, in report order. */
public final class VersionChecks {

    public static final List<Check> ALL = Stream.<Stream<? extends Check>>of(
            Stream.of(new SupportedMajorVersionCheck()),
            BuildChecks.ALL.stream(),
            Stream.of(new EditionCheck(), new HostOsCheck(), new TwoWayScopeCheck()))
            .<Check>flatMap(s -> s).toList();

    private VersionChecks() {
    }
}
