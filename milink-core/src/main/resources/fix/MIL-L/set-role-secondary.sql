-- Split brain: makes this end (the old primary) the secondary of the link {{dagLiteral}}. Back it up first
-- (a tail-log backup on SQL Server): transactions it took after the forced failover are not sent anywhere.
USE [master];
ALTER AVAILABILITY GROUP {{dag}} SET (ROLE = SECONDARY);
