// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;

/** MIL-I6: trace flag 9567 is on and persisted as a startup parameter. */
public final class TraceFlag9567Check extends TraceFlagCheck {

    static final int FLAG = 9567;

    public static final CheckMetadata META = InstanceMeta.meta("I6", "Trace flag 9567 is on and a startup parameter",
            Area.INSTANCE, Severity.WARNING, InstanceMeta.BOTH, true, InstanceMeta.PREPARATION, """
            Trace flag 9567 compresses the automatic-seeding stream of availability groups: seeding the database \
            to the managed instance takes much less time at the cost of some CPU. Reads the running flags \
            (DBCC TRACESTATUS(-1)) and the persisted startup parameters (registry on Windows, the error log's \
            startup lines on Linux) and judges them apart, like MIL-I5. Only seeding benefits, so the flag matters \
            most until the first seeding of each database has finished.""");

    public TraceFlag9567Check() {
        super(META, FLAG);
    }
}
