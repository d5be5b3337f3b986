// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/** What path checks (BACKUP TO DISK, xp_fileexist, sys.dm_os_file_exists) can see. */
public final class FileSystem {
    public List<String> directories = new ArrayList<>();
    public List<String> files = new ArrayList<>();
}
