-- SQL Server services on this host (engine, Agent, ...).
-- requires: VIEW SERVER STATE
SELECT servicename, status_desc, startup_type_desc
FROM sys.dm_server_services
