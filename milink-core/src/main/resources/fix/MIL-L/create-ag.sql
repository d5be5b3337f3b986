-- Availability group {{agLiteral}} on SQL Server: the SQL Server end of the link for {{databaseLiteral}}.
-- Safe to run again: nothing happens when an availability group of this name exists.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{agLiteral}})
    CREATE AVAILABILITY GROUP {{ag}}{{clusterType}}
        FOR DATABASE {{database}}
        REPLICA ON {{serverLiteral}} WITH (
            ENDPOINT_URL = {{endpointUrlLiteral}},
            AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
            FAILOVER_MODE = MANUAL,
            SEEDING_MODE = AUTOMATIC);
