-- SQL Server: the state of the SQL Server Agent service, which runs the temporary PowerShell job.
SELECT servicename, status_desc
FROM sys.dm_server_services
WHERE servicename LIKE N'SQL Server Agent%'
