-- Distributed availability group {{dag:tsql-string}} (the link) between {{ag:tsql-string}} on SQL Server and
-- {{miAg:tsql-string}} on the managed instance. It stays DISCONNECTED until the managed instance joins.
-- Safe to run again: nothing happens when an availability group of this name exists.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = {{dag:tsql-string}})
    CREATE AVAILABILITY GROUP {{dag:tsql-name}}
        WITH (DISTRIBUTED)
        AVAILABILITY GROUP ON
            {{ag:tsql-string}} WITH (
                LISTENER_URL = {{endpointUrl:tsql-string}},
                AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,
                FAILOVER_MODE = MANUAL,
                SEEDING_MODE = AUTOMATIC,
                SESSION_TIMEOUT = 20),
            {{miAg:tsql-string}} WITH (
                LISTENER_URL = {{miListener:tsql-string}},
                AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,
                FAILOVER_MODE = MANUAL,
                SEEDING_MODE = AUTOMATIC);
