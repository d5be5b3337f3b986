-- FORCED failover of the link {{dag:tsql-string}}, run on the secondary: transactions not yet hardened there are LOST.
USE [master];
ALTER AVAILABILITY GROUP {{dag:tsql-name}} FORCE_FAILOVER_ALLOW_DATA_LOSS;
