-- Operating system of the host (SQL Server 2017 and later).
-- requires: VIEW SERVER STATE
SELECT host_platform, host_distribution, host_release, host_sku
FROM sys.dm_os_host_info
