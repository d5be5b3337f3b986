-- SQL Server 2017 and later: the host's operating system. (2016 runs on Windows only; the view is missing there.)
SELECT host_platform
FROM sys.dm_os_host_info
