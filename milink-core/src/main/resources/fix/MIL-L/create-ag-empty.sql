-- Availability group {{agLiteral}} on SQL Server without a database: the managed instance is the initial
-- primary and seeds {{databaseLiteral}} into it. GRANT CREATE ANY DATABASE lets automatic seeding create it.
-- Safe to run again: nothing is created when an availability group of this name exists.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{agLiteral}})
    CREATE AVAILABILITY GROUP {{ag}}{{clusterType}}
        FOR REPLICA ON {{serverLiteral}} WITH (
            ENDPOINT_URL = {{endpointUrlLiteral}},
            AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
            FAILOVER_MODE = MANUAL,
            SEEDING_MODE = AUTOMATIC);
ALTER AVAILABILITY GROUP {{ag}} GRANT CREATE ANY DATABASE;
