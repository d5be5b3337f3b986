-- Linux has no startup-parameter registry key; the current error log starts with the parameters the instance was
-- started with ("Registry startup parameters:" and its argument lines). Read only on Linux hosts (2017 and later).
-- requires: membership in securityadmin
CREATE TABLE #milink_errorlog (seq int IDENTITY(1, 1), log_date datetime, process_info nvarchar(100), log_text nvarchar(max));
IF EXISTS (SELECT 1 FROM sys.dm_os_host_info WHERE host_platform = N'Linux')
    INSERT INTO #milink_errorlog (log_date, process_info, log_text) EXEC sys.xp_readerrorlog 0, 1;
SELECT TOP (60) seq, process_info, log_text
FROM #milink_errorlog
ORDER BY seq
