// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

/** The next step for SQL Server errors a fix step commonly meets, appended to SQL Server's own message. */
final class FixErrorHints {

    private FixErrorHints() {
    }

    static String hint(int number) {
        return switch (number) {
            case 1222 -> "Another session holds a lock the step needs (lock request timed out). Find it with "
                    + "sys.dm_tran_locks / sp_who2, let it finish, then run milink fix again.";
            case 5061, 5064, 5069 -> "The database is in use and the change needs exclusive access. Find the "
                    + "sessions in sys.dm_exec_sessions (database_id), agree a window, then run milink fix again.";
            case 3201 -> "SQL Server cannot open the backup file: the directory must exist on the SQL Server host and "
                    + "the SQL Server service account needs write access to it.";
            case 3013 -> "The backup did not complete; the messages before it say why.";
            case 3041, 3202 -> "Writing the backup failed (disk full or I/O error on the backup target).";
            case 15581 -> "A master key already exists but is not open; nothing to create.";
            case 15118 -> "The password does not meet the Windows password policy; generate one (leave "
                    + "MILINK_DMK_PASSWORD unset) or choose a longer, more complex one.";
            case 262, 229, 230, 297, 300, 916 -> "Permission denied: run milink fix as a sysadmin login.";
            case 1468 -> "The database is part of an availability group or mirroring session; change it on the "
                    + "primary, or remove it from the group first.";
            default -> "";
        };
    }
}
