-- Server permissions granted to NT AUTHORITY\SYSTEM (SQL Server 2016 needs them to create availability groups).
-- visibility: VIEW ANY DEFINITION
SELECT p.permission_name, p.state_desc
FROM sys.server_permissions AS p
JOIN sys.server_principals AS sp ON sp.principal_id = p.grantee_principal_id
WHERE sp.name = N'NT AUTHORITY\SYSTEM' AND p.state IN ('G', 'W')
