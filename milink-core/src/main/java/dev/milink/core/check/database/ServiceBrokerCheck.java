// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;
import java.util.Optional;

/** MIL-D17: Service Broker enabled, if it is to be used on the managed instance. */
public final class ServiceBrokerCheck extends OptionCheck {

    public static final CheckMetadata META = Meta.of("D17", "Service Broker is enabled", Severity.INFO,
            Meta.SQL_TO_MI, true, Meta.PREPARATION, """
                    If Service Broker is disabled on the source database it cannot be used on the managed \
                    instance after migration. Reads is_broker_enabled from sys.databases; a warning, since only \
                    the owner knows whether Broker will be needed. ENABLE_BROKER needs exclusive access to the \
                    database and fails if another database has the same broker GUID (then NEW_BROKER is needed, \
                    which ends existing conversations), so milink never applies it.""");

    public ServiceBrokerCheck() {
        super(META,
                db -> db.brokerEnabled() ? "ENABLE_BROKER" : "DISABLE_BROKER", "ENABLE_BROKER",
                "Service Broker cannot be used on the managed instance unless it is enabled before migration.",
                "enable-broker.sql", "enable-broker", "Enable Service Broker for %s", Steps.ORDER_OTHER,
                db -> Optional.of("ENABLE_BROKER needs exclusive access to the database"));
    }
}
