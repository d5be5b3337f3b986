-- Managed instance: the replica in the PRIMARY role (replica_role = 2) of every ManagedServer partition, with the
-- address it listens on ("<node>\<instance>,<port>"). Java picks the partition whose app name (the last segment of
-- service_name) is the InstanceName parameter and keeps the part of replica_address before the backslash.
SELECT fp.service_name, fr.node_name, fr.replica_address
FROM sys.dm_hadr_fabric_partitions AS fp
JOIN sys.dm_hadr_fabric_replicas AS fr ON fp.partition_id = fr.partition_id
JOIN sys.dm_hadr_fabric_nodes AS fn ON fr.node_name = fn.node_name
WHERE fp.service_name LIKE N'%ManagedServer%' AND fr.replica_role = 2
