-- Drops the distributed availability group {{dag:tsql-string}} (the link) on SQL Server. Databases are not dropped.
-- Safe to run again: nothing happens when it no longer exists.
USE [master];
IF EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{dag:tsql-string}} AND is_distributed = 1)
    DROP AVAILABILITY GROUP {{dag:tsql-name}};
