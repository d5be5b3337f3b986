-- MIL-D22: the log needs headroom and regular log backups, but NO log backup while the link seeds
-- (errors 1408/1412: the link must then be deleted and created again). Run this only when no link of this
-- database is seeding; afterwards schedule log backups (at least daily) in your usual job or tool.
-- During seeding: disable the log backup jobs (msdb.dbo.sp_update_job @enabled = 0, or your tool's
-- schedule), or enable trace flag 12381 on builds that support it (DBCC TRACEON (12381, -1)) and turn it off
-- when seeding has finished. Watch log growth meanwhile.
-- 1. Why the log cannot be reused right now:
SELECT name, log_reuse_wait_desc FROM sys.databases WHERE name = {{db:tsql-string}};
-- 2. A log backup (never COPY_ONLY here; it must truncate the log). If the path names the sqlcmd variable
--    MILINK_BACKUP_DIR, run with sqlcmd -v.
BACKUP LOG {{db:tsql-name}}
    TO DISK = {{file:tsql-string}}
    WITH CHECKSUM{{compression:raw}}, STATS = 10;
