-- Transaction log space used per database.
-- requires: VIEW SERVER STATE
CREATE TABLE #milink_log_space (database_name nvarchar(128), log_size_mb float, log_space_used_percent float, status int);
INSERT INTO #milink_log_space EXEC (N'DBCC SQLPERF(LOGSPACE) WITH NO_INFOMSGS');
SELECT database_name, CAST(log_space_used_percent AS decimal(9, 2)) AS log_space_used_percent
FROM #milink_log_space
