-- Server configuration options in use.
-- requires: nothing beyond CONNECT SQL
SELECT name, CAST(value_in_use AS bigint) AS value_in_use
FROM sys.configurations
