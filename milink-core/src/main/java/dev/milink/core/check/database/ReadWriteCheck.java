// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;
import java.util.Optional;

/** MIL-D3: Database is read-write. */
public final class ReadWriteCheck extends OptionCheck {

    public static final CheckMetadata META = Meta.of("D3", "Database is read-write", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.AG_PREREQUISITES, """
                    An availability group database must be read-write. Reads is_read_only from sys.databases. \
                    milink never applies the fix: a read-only database is often read-only by design (an archive, \
                    a reporting copy, a log-shipping standby) and the change needs exclusive access to the \
                    database. The generated script uses WITH NO_WAIT, so it fails at once instead of waiting for \
                    or rolling back other sessions.""");

    public ReadWriteCheck() {
        super(META,
                db -> db.readOnly() ? "READ_ONLY" : "READ_WRITE", "READ_WRITE",
                "an availability group database must be read-write.", "set-read-write.sql", "read-write",
                "Set %s to READ_WRITE", Steps.ORDER_OPTIONS,
                db -> Optional.of("read-only may be by design (archive, reporting copy, log-shipping standby); "
                        + "confirm and run the script yourself"));
    }
}
