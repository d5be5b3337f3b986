-- The registered servers of a Central Management Server (SSMS "Registered Servers", shared), Database Engine
-- only (server_type 0), with their group. Reads msdb; changes nothing.
SELECT s.[server_id], s.[name], s.[server_name], s.[description], s.[server_group_id]
FROM [msdb].[dbo].[sysmanagement_shared_registered_servers] AS s
JOIN [msdb].[dbo].[sysmanagement_shared_server_groups] AS g ON g.[server_group_id] = s.[server_group_id]
WHERE g.[server_type] = 0
ORDER BY s.[server_id];
