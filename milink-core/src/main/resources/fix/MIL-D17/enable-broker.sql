-- MIL-D17: enable Service Broker before migration if it will be used on the managed instance.
-- Needs exclusive access: WITH NO_WAIT fails at once instead of waiting for, or rolling back, sessions.
-- Error 9772 (another database has the same broker GUID, e.g. a restored copy) needs NEW_BROKER instead,
-- which ends all existing conversations: decide that with the application owner.
ALTER DATABASE {{db:tsql-name}} SET ENABLE_BROKER WITH NO_WAIT;
