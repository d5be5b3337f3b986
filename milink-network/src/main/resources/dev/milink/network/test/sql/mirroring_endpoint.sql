-- SQL Server: the DATABASE_MIRRORING endpoint and its TCP port; the managed instance must reach that port.
SELECT e.name, e.state_desc, t.port
FROM sys.database_mirroring_endpoints AS e
LEFT JOIN sys.tcp_endpoints AS t ON t.endpoint_id = e.endpoint_id
