-- MIL-D16: move the persistent version store (PVS) back to PRIMARY. Maintenance window: each ALTER takes an
-- exclusive database lock.
-- 1. Turn ADR off.
ALTER DATABASE {{db:tsql-name}} SET ACCELERATED_DATABASE_RECOVERY = OFF;
-- 2. Wait until the old version store has been cleaned up (active transactions may still need it):
--    SELECT persistent_version_store_size_kb FROM sys.dm_tran_persistent_version_store_stats
--    WHERE database_id = DB_ID(<database name>);
-- 3. Turn ADR on with the version store in PRIMARY.
ALTER DATABASE {{db:tsql-name}} SET ACCELERATED_DATABASE_RECOVERY = ON (PERSISTENT_VERSION_STORE_FILEGROUP = [PRIMARY]);
