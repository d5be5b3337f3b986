-- The link's database on both members: synchronization, hardened LSNs, send queue and lag.
SELECT drs.is_local, DB_NAME(drs.database_id) AS database_name, drs.synchronization_state_desc,
       drs.synchronization_health_desc, drs.last_hardened_lsn, drs.secondary_lag_seconds,
       drs.log_send_queue_size, drs.redo_queue_size
FROM sys.availability_groups AS ag
JOIN sys.dm_hadr_database_replica_states AS drs ON drs.group_id = ag.group_id
WHERE ag.is_distributed = 1 AND ag.name = {{dag:tsql-string}}
