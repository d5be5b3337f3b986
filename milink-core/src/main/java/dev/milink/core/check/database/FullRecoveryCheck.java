// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;

/** MIL-D6: Recovery model is FULL. */
public final class FullRecoveryCheck implements Check.DatabaseCheck {

    public static final CheckMetadata META = Meta.of("D6", "Recovery model is FULL", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.CONFIGURE_SCRIPTS, """
                    The link ships the transaction log, so the database must use the FULL recovery model. Reads \
                    recovery_model_desc from sys.databases. Does not apply when the managed instance is the \
                    initial primary (the MI takes its own backups). After switching from SIMPLE, FULL only takes \
                    effect once a full backup starts the log chain: MIL-D7 checks that and plans the backup after \
                    this step. Appliable under the package rule (online, not in an AG, not mirrored, not a \
                    log-shipping primary).""");

    private static final OptionRule RULE = new OptionRule(META, DatabaseFacts::recoveryModel, "FULL",
            "the link needs the FULL recovery model (and then a full backup, see MIL-D7).", "set-recovery-full.sql",
            "recovery-full", "Set the recovery model of %s to FULL", Steps.ORDER_RECOVERY_MODEL,
            Steps::unsafeToApply);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context) {
        return RULE.evaluate(db, facts);
    }
}
