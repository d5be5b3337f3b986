-- Trace flags enabled globally right now. DBCC TRACESTATUS is open to public.
-- requires: nothing beyond CONNECT SQL
CREATE TABLE #milink_trace_flags (TraceFlag int, Status int, Global int, Session int);
INSERT INTO #milink_trace_flags EXEC (N'DBCC TRACESTATUS(-1) WITH NO_INFOMSGS');
SELECT TraceFlag AS trace_flag, Status AS status, Global AS is_global
FROM #milink_trace_flags
