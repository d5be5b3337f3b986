-- Every database and its flags on SQL Server 2016 and 2017, which have no accelerated database recovery.
-- requires: VIEW ANY DATABASE (granted to public by default)
SELECT database_id, name, state_desc, is_read_only, user_access_desc, is_auto_close_on, recovery_model_desc,
       compatibility_level, collation_name,
       CAST(CASE WHEN group_database_id IS NULL THEN 0 ELSE 1 END AS bit) AS in_availability_group,
       containment_desc, is_broker_enabled, is_published, is_subscribed, is_merge_published, is_distributor,
       is_cdc_enabled, CAST(0 AS bit) AS is_accelerated_database_recovery_on
FROM sys.databases
