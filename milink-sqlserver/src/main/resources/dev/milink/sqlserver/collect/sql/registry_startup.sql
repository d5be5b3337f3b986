-- Startup parameters as persisted in the registry (Windows): SQLArg0, SQLArg1, ... under ...\MSSQLServer\Parameters.
-- requires: VIEW SERVER STATE
SELECT value_name, CAST(value_data AS nvarchar(4000)) AS value_data
FROM sys.dm_server_registry
WHERE registry_key LIKE N'%\MSSQLServer\Parameters' AND value_name LIKE N'SQLArg%'
