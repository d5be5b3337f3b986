-- MIL-D11: SQL Managed Instance supports one log file per database. Manual procedure, one file at a time;
-- nothing below runs by itself.
-- 1. List the log files; keep the first (usually file_id 2) and remove the others.
SELECT file_id, name AS logical_name, physical_name, size / 128 AS size_mb
FROM sys.master_files
WHERE database_id = DB_ID({{db:tsql-string}}) AND type = 1
ORDER BY file_id;
-- 2. See which virtual log files are active (status 2) and in which file (needs SQL Server 2016 SP2+ / 2017+).
SELECT file_id, vlf_active, COUNT(*) AS vlfs
FROM sys.dm_db_log_info(DB_ID({{db:tsql-string}}))
GROUP BY file_id, vlf_active;
-- 3. While the file to remove still holds active log: take a log backup (your usual job or tool), then
--    move the log forward and check again. When it holds no active log:
--    USE <database>; DBCC SHRINKFILE (N'<logical name of the extra log file>', EMPTYFILE);
-- 4. Remove it:
--    ALTER DATABASE <database> REMOVE FILE [<logical name of the extra log file>];
-- 5. Take a log backup so that the change is in the chain, and check step 1 again.
