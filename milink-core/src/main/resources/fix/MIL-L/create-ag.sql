-- Availability group {{ag:tsql-string}} on SQL Server: the SQL Server end of the link for {{database:tsql-string}}.
-- Safe to run again: nothing happens when an availability group of this name exists.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{ag:tsql-string}})
    CREATE AVAILABILITY GROUP {{ag:tsql-name}}{{clusterType:raw}}
        FOR DATABASE {{database:tsql-name}}
        REPLICA ON {{server:tsql-string}} WITH (
            ENDPOINT_URL = {{endpointUrl:tsql-string}},
            AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
            FAILOVER_MODE = MANUAL,
            SEEDING_MODE = AUTOMATIC);
