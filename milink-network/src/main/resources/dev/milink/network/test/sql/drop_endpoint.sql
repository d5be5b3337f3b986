-- Drops a temporary test endpoint.
DROP ENDPOINT {{endpoint:tsql-name}};
