-- Switches the link {{dagLiteral}} back to asynchronous commit after the failover (both members).
USE [master];
ALTER AVAILABILITY GROUP {{dag}}
    MODIFY AVAILABILITY GROUP ON
        {{agLiteral}} WITH (AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT),
        {{miAgLiteral}} WITH (AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT);
