-- Availability groups, distributed ones included, with their databases (cluster_type_desc: 2017 and later).
-- visibility: VIEW ANY DEFINITION
SELECT ag.name, ag.is_distributed, ag.cluster_type_desc, adc.database_name
FROM sys.availability_groups AS ag
LEFT JOIN sys.availability_databases_cluster AS adc ON adc.group_id = ag.group_id
