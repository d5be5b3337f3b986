-- Availability groups on SQL Server 2016, which has no cluster_type_desc column.
-- visibility: VIEW ANY DEFINITION
SELECT ag.name, ag.is_distributed, CAST(NULL AS nvarchar(60)) AS cluster_type_desc, adc.database_name
FROM sys.availability_groups AS ag
LEFT JOIN sys.availability_databases_cluster AS adc ON adc.group_id = ag.group_id
