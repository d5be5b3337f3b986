-- Removes a SQL Agent job an interrupted 'milink network test' left behind (its name starts with milink_nettest_;
-- milink created it to probe the network and nothing else uses it). Safe to run again.
IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = {{job:tsql-string}})
    EXEC msdb.dbo.sp_delete_job @job_name = {{job:tsql-string}};
