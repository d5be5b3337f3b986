-- MIL-D4: an availability group database must be MULTI_USER.
-- SINGLE_USER or RESTRICTED_USER usually means maintenance is under way: check with its owner first.
-- WITH NO_WAIT: if another session holds the database, this fails at once (error 5064) instead of
-- disconnecting it. Find that session with:
--   SELECT session_id, login_name, host_name, program_name
--   FROM sys.dm_exec_sessions WHERE database_id = DB_ID(<database name>);
ALTER DATABASE {{db:tsql-name}} SET MULTI_USER WITH NO_WAIT;
