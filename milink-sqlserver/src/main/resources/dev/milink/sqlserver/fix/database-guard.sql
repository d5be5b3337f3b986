-- Read right before a database step: milink never changes a database that is in an availability group,
-- mirrored or read-only unless the user included it by name (--include-database).
SELECT d.is_read_only,
       CAST(CASE WHEN d.replica_id IS NULL THEN 0 ELSE 1 END AS bit) AS in_availability_group,
       CAST(CASE WHEN m.mirroring_guid IS NULL THEN 0 ELSE 1 END AS bit) AS mirrored
FROM sys.databases AS d
LEFT JOIN sys.database_mirroring AS m ON m.database_id = d.database_id
WHERE d.name = {{name:tsql-string}};
