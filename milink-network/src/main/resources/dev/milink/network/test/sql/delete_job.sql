-- Removes a network-test job with its history.
EXEC msdb.dbo.sp_delete_job @job_name = {{job_name:tsql-string}};
