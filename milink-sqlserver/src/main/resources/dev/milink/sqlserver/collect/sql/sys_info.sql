-- When the instance last started (server local time), and its CPUs and memory to size the managed instance
-- against (SQL Server 2022 and later; sys_info.2019.sql before).
-- requires: VIEW SERVER PERFORMANCE STATE, or VIEW SERVER STATE which includes it
SELECT CONVERT(nvarchar(33), sqlserver_start_time, 126) AS sqlserver_start_time,
       cpu_count, scheduler_count, physical_memory_kb, committed_target_kb
FROM sys.dm_os_sys_info
