// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;

/** Reasons for UNKNOWN findings, worded the same way by every database check. */
final class Why {

    private Why() {
    }

    /** "The backup history could not be read: …" plus a pointer to MIL-D2 when the database is not ONLINE. */
    static String unreadable(DatabaseFacts db, String what, Fact<?> fact) {
        String reason = fact.reason().isBlank() ? "no reason given" : fact.reason();
        return capitalize(what) + " of " + quoted(db) + " could not be read: " + reason
                + (db.isOnline() ? "" : " (the database is " + db.state() + "; see MIL-D2)");
    }

    /** The database name as users see it in reports, e.g. {@code 'O'Brien]DB'}. */
    static String quoted(DatabaseFacts db) {
        return "'" + db.name() + "'";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
