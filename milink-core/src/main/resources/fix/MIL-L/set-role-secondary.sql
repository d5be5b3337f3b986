-- Split brain: makes this end (the old primary) the secondary of the link {{dag:tsql-string}}. Back it up first
-- (a tail-log backup on SQL Server): transactions it took after the forced failover are not sent anywhere.
USE [master];
ALTER AVAILABILITY GROUP {{dag:tsql-name}} SET (ROLE = SECONDARY);
