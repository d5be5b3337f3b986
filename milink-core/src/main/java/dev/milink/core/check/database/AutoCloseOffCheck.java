// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;

/** MIL-D5: AUTO_CLOSE is off. */
public final class AutoCloseOffCheck extends OptionCheck {

    public static final CheckMetadata META = Meta.of("D5", "AUTO_CLOSE is off", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.AG_PREREQUISITES, """
                    AUTO_CLOSE must be OFF for an availability group database (it closes the database when the \
                    last user leaves, which an AG replica cannot allow). Reads is_auto_close_on from \
                    sys.databases. Turning it off has no downside for a server database; milink applies it under \
                    the package rule (online, not in an AG, not mirrored, not a log-shipping primary).""");

    public AutoCloseOffCheck() {
        super(META,
                db -> db.autoClose() ? "AUTO_CLOSE ON" : "AUTO_CLOSE OFF", "AUTO_CLOSE OFF",
                "an availability group database cannot close itself.", "set-auto-close-off.sql", "auto-close-off",
                "Turn AUTO_CLOSE off for %s", Steps.ORDER_OPTIONS, Steps::unsafeToApply);
    }
}
