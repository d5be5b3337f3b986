-- Drops a temporary test endpoint, if it exists (the undo is registered before the endpoint is created).
IF EXISTS (SELECT 1 FROM sys.endpoints WHERE name = {{endpoint:tsql-string}}) DROP ENDPOINT {{endpoint:tsql-name}};
