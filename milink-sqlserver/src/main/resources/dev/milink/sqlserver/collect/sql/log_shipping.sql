-- Databases configured as log shipping primaries.
-- requires: SELECT on msdb.dbo.log_shipping_primary_databases (sysadmin)
SELECT primary_database
FROM msdb.dbo.log_shipping_primary_databases
