// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;

/** MIL-I5: trace flag 1800 is on and persisted as a startup parameter. */
public final class TraceFlag1800Check extends TraceFlagCheck {

    static final int FLAG = 1800;

    public static final CheckMetadata META = InstanceMeta.meta("I5", "Trace flag 1800 is on and a startup parameter",
            Area.INSTANCE, Severity.WARNING, InstanceMeta.BOTH, true, InstanceMeta.PREPARATION, """
            Trace flag 1800 makes SQL Server align log writes to 4 KB, which the link needs when the log files of \
            the primary and the secondary sit on disks with different sector sizes (512 B vs 4 KB); the link \
            preparation guide recommends it by default. Reads the running \
            flags (DBCC TRACESTATUS(-1)) and the persisted startup parameters (registry on Windows, the error \
            log's startup lines on Linux) and judges them apart: on but not persisted is lost at the next restart; \
            persisted but not on waits for a restart (MIL-I7). Limit: it does not read sector sizes; check them \
            with 'fsutil fsinfo sectorinfo <drive>' (Windows) or 'blockdev --getss --getpbsz' (Linux).""");

    public TraceFlag1800Check() {
        super(META, FLAG);
    }
}
