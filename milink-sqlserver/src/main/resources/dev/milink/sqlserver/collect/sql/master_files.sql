-- File counts and sizes per database and file type (0 rows, 1 log, 2 FILESTREAM/memory-optimized containers).
-- visibility: VIEW ANY DEFINITION
SELECT database_id, type, COUNT(*) AS files, SUM(CAST(size AS bigint)) * 8 / 1024 AS size_mb
FROM sys.master_files
GROUP BY database_id, type
