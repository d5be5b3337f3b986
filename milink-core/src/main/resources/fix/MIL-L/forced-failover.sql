-- FORCED failover of the link {{dagLiteral}}, run on the secondary: transactions not yet hardened there are LOST.
USE [master];
ALTER AVAILABILITY GROUP {{dag}} FORCE_FAILOVER_ALLOW_DATA_LOSS;
