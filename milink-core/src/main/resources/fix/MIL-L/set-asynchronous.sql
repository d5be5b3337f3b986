-- Switches the link {{dag:tsql-string}} back to asynchronous commit after the failover (both members).
USE [master];
ALTER AVAILABILITY GROUP {{dag:tsql-name}}
    MODIFY AVAILABILITY GROUP ON
        {{ag:tsql-string}} WITH (AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT),
        {{miAg:tsql-string}} WITH (AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT);
