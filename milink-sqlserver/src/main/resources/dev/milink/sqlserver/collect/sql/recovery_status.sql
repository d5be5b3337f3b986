-- Whether a full backup started the log chain (last_log_backup_lsn is set once it has).
-- requires: VIEW ANY DATABASE (granted to public by default)
SELECT database_id, CAST(CASE WHEN last_log_backup_lsn IS NULL THEN 0 ELSE 1 END AS bit) AS log_chain_started
FROM sys.database_recovery_status
