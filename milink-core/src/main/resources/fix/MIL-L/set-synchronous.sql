-- Switches the link {{dag:tsql-string}} to synchronous commit for a planned failover (both members).
USE [master];
ALTER AVAILABILITY GROUP {{dag:tsql-name}}
    MODIFY AVAILABILITY GROUP ON
        {{ag:tsql-string}} WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT),
        {{miAg:tsql-string}} WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT);
