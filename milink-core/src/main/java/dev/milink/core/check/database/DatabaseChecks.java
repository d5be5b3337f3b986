// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.Check;
import java.util.List;

/** The database checks, in report order (spec rows D1–D23). */
public final class DatabaseChecks {

    public static final List<Check> ALL = List.of(
            new UserDatabaseCheck(),
            new DatabaseOnlineCheck(),
            new ReadWriteCheck(),
            new MultiUserCheck(),
            new AutoCloseOffCheck(),
            new FullRecoveryCheck(),
            new LogChainCheck(),
            new NotReplicatedCheck(),
            new NotAlreadyLinkedCheck(),
            new NameFreeOnManagedInstanceCheck(),
            new SingleLogFileCheck(),
            new NoFilestreamCheck(),
            new InMemoryOltpCheck(),
            new TdeCertificateCheck(),
            new TdeFromManagedInstanceCheck(),
            new AcceleratedRecoveryCheck(),
            new ServiceBrokerCheck(),
            new CompatibilityLevelCheck(),
            new ContainedDatabaseCheck(),
            new UnsupportedFeaturesCheck(),
            new ReplicationAdvisoryCheck(),
            new LogHeadroomCheck(),
            new SeedingTimeCheck());

    private DatabaseChecks() {
    }
}
