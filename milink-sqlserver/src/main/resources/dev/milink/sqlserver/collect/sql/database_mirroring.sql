-- Whether each database is mirrored.
-- requires: VIEW ANY DATABASE (granted to public by default)
SELECT database_id, CAST(CASE WHEN mirroring_guid IS NULL THEN 0 ELSE 1 END AS bit) AS mirrored
FROM sys.database_mirroring
