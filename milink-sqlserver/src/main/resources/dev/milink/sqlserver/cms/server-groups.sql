-- The Database Engine server groups of a Central Management Server, for the group paths. Reads msdb only.
SELECT [server_group_id], [name], [parent_id], [is_system_object]
FROM [msdb].[dbo].[sysmanagement_shared_server_groups]
WHERE [server_type] = 0;
