-- Drops the availability group {{ag:tsql-string}} on SQL Server (asked for with --drop-availability-group).
-- The database stays on SQL Server; it leaves the availability group. Safe to run again.
USE [master];
IF EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{ag:tsql-string}} AND is_distributed = 0)
    DROP AVAILABILITY GROUP {{ag:tsql-name}};
