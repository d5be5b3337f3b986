-- The link's two members as SQL Server sees them: the local availability group (is_local = 1) and the managed
-- instance (is_local = 0): role, connection, health and the last connection error. Filtered by the DAG name.
SELECT ars.is_local, ars.role_desc, ars.connected_state_desc, ars.synchronization_health_desc,
       ars.last_connect_error_number, ars.last_connect_error_description, ars.last_connect_error_timestamp
FROM sys.availability_groups AS ag
JOIN sys.dm_hadr_availability_replica_states AS ars ON ars.group_id = ag.group_id
WHERE ag.is_distributed = 1 AND ag.name = {{dag:tsql-string}}
