-- Switches the link {{dagLiteral}} to synchronous commit for a planned failover (both members).
USE [master];
ALTER AVAILABILITY GROUP {{dag}}
    MODIFY AVAILABILITY GROUP ON
        {{agLiteral}} WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT),
        {{miAgLiteral}} WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT);
