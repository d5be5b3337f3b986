-- Newest full (chain and copy-only) and log backup per database from msdb's history (server local time).
-- requires: SELECT on msdb.dbo.backupset
SELECT database_name, type, is_copy_only, CONVERT(nvarchar(33), backup_finish_date, 126) AS backup_finish_date,
       has_backup_checksums
FROM (SELECT database_name, type, is_copy_only, backup_finish_date, has_backup_checksums,
             ROW_NUMBER() OVER (PARTITION BY database_name, type, is_copy_only ORDER BY backup_finish_date DESC) AS rn
      FROM msdb.dbo.backupset
      WHERE type IN ('D', 'L')) AS b
WHERE rn = 1
