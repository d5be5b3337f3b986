-- MIL-D13: In-Memory OLTP needs a Business Critical managed instance with enough memory for it, and a
-- single container. Compare the totals with the In-Memory OLTP limit of the planned vCore count and
-- hardware (resource limits page of SQL Managed Instance).
USE {{db:tsql-name}};
SELECT name AS container, physical_name FROM sys.database_files WHERE type = 2;
SELECT SUM(memory_allocated_for_table_kb + memory_allocated_for_indexes_kb) / 1024.0 AS xtp_memory_mb
FROM sys.dm_db_xtp_table_memory_stats;
