-- When the instance last started (server local time), and its CPUs and memory, up to SQL Server 2019.
-- requires: VIEW SERVER STATE
SELECT CONVERT(nvarchar(33), sqlserver_start_time, 126) AS sqlserver_start_time,
       cpu_count, scheduler_count, physical_memory_kb, committed_target_kb
FROM sys.dm_os_sys_info
