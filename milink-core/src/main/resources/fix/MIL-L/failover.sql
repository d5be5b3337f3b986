-- Planned failover of the link {{dag:tsql-string}}, run on the current primary (SQL Server 2022 CU13 and later).
USE [master];
ALTER AVAILABILITY GROUP {{dag:tsql-name}} FAILOVER;
