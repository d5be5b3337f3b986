-- The link's availability groups on SQL Server, to tell a half-made link.
SELECT name, is_distributed FROM sys.availability_groups WHERE name IN ({{dag:tsql-string}}, {{ag:tsql-string}})
