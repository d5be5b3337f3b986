-- Starts the temporary network-test job; it runs asynchronously and milink polls its history.
EXEC msdb.dbo.sp_start_job @job_name = {{job_name:tsql-string}};
