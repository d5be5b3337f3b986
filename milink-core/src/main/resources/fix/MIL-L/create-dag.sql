-- Distributed availability group {{dagLiteral}} (the link) between {{agLiteral}} on SQL Server and
-- {{miAgLiteral}} on the managed instance. It stays DISCONNECTED until the managed instance joins.
-- Safe to run again: nothing happens when an availability group of this name exists.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{dagLiteral}})
    CREATE AVAILABILITY GROUP {{dag}}
        WITH (DISTRIBUTED)
        AVAILABILITY GROUP ON
            {{agLiteral}} WITH (
                LISTENER_URL = {{endpointUrlLiteral}},
                AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,
                FAILOVER_MODE = MANUAL,
                SEEDING_MODE = AUTOMATIC,
                SESSION_TIMEOUT = 20),
            {{miAgLiteral}} WITH (
                LISTENER_URL = {{miListenerLiteral}},
                AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,
                FAILOVER_MODE = MANUAL,
                SEEDING_MODE = AUTOMATIC);
