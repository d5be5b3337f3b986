-- Operating system of the host on SQL Server 2016, which runs on Windows only (sys.dm_os_host_info came with 2017).
-- requires: VIEW SERVER STATE
SELECT N'Windows' AS host_platform, N'Windows' AS host_distribution, windows_release AS host_release,
       windows_sku AS host_sku
FROM sys.dm_os_windows_info
