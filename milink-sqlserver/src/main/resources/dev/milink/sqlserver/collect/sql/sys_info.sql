-- When the instance last started (server local time).
-- requires: VIEW SERVER STATE
SELECT CONVERT(nvarchar(33), sqlserver_start_time, 126) AS sqlserver_start_time
FROM sys.dm_os_sys_info
