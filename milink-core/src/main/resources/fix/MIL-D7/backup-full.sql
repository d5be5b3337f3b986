-- MIL-D7: a full backup that starts the log chain (a FULL database behaves as SIMPLE until it has one).
-- Never COPY_ONLY: a copy-only backup does not start the chain (error 1475 when the link is created).
-- No INIT or FORMAT: the backup goes to a new file and never overwrites existing backup media.
-- This backup becomes the base of later differential backups.
-- If the path names the sqlcmd variable MILINK_BACKUP_DIR, run this file with sqlcmd -v, or plan again
-- with --backup-dir.
BACKUP DATABASE {{db:tsql-name}}
    TO DISK = {{file:tsql-string}}
    WITH CHECKSUM{{compression:raw}}, STATS = 10;
