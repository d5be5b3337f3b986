-- Filegroup of the persistent version store of accelerated database recovery (SQL Server 2019 and later).
-- requires: VIEW SERVER STATE
SELECT database_id, pvs_filegroup_id
FROM sys.dm_tran_persistent_version_store_stats
