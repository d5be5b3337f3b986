// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;

/** MIL-D6: Recovery model is FULL. */
public final class FullRecoveryCheck extends OptionCheck {

    public static final CheckMetadata META = Meta.of("D6", "Recovery model is FULL", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.CONFIGURE_SCRIPTS, """
                    The link ships the transaction log, so the database must use the FULL recovery model. Reads \
                    recovery_model_desc from sys.databases. Does not apply when the managed instance is the \
                    initial primary (the MI takes its own backups). After switching from SIMPLE, FULL only takes \
                    effect once a full backup starts the log chain: MIL-D7 checks that and plans the backup after \
                    this step. Appliable under the package rule (online, not in an AG, not mirrored, not a \
                    log-shipping primary).""");

    public FullRecoveryCheck() {
        super(META, DatabaseFacts::recoveryModel, "FULL",
                "the link needs the FULL recovery model (and then a full backup, see MIL-D7).", "set-recovery-full.sql",
                "recovery-full", "Set the recovery model of %s to FULL", Steps.ORDER_RECOVERY_MODEL,
                Steps::unsafeToApply);
    }
}
