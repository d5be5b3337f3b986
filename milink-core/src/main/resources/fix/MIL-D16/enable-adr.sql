-- MIL-D16: enable accelerated database recovery (it cannot be enabled on the managed instance later).
-- Takes an exclusive database lock: the statement waits until every session has left the database and new
-- sessions queue behind it. Run it in a maintenance window. The version store stays in PRIMARY (default).
ALTER DATABASE {{db:tsql-name}} SET ACCELERATED_DATABASE_RECOVERY = ON;
