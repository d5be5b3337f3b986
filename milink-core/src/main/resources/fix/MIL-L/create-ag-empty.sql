-- Availability group {{ag:tsql-string}} on SQL Server without a database: the managed instance is the initial
-- primary and seeds {{database:tsql-string}} into it. GRANT CREATE ANY DATABASE lets automatic seeding create it.
-- Safe to run again: nothing is created when an availability group of this name exists.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{ag:tsql-string}})
    CREATE AVAILABILITY GROUP {{ag:tsql-name}}{{clusterType:raw}}
        FOR REPLICA ON {{server:tsql-string}} WITH (
            ENDPOINT_URL = {{endpointUrl:tsql-string}},
            AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
            FAILOVER_MODE = MANUAL,
            SEEDING_MODE = AUTOMATIC);
ALTER AVAILABILITY GROUP {{ag:tsql-name}} GRANT CREATE ANY DATABASE;
