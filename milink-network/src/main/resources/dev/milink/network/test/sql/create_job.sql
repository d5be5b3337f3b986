-- Creates the temporary Agent job of a network test: one PowerShell step per probe, each going on to the next step
-- whether it succeeded or not (the last one quits), targeted at the local server. The steps placeholder holds sp_add_jobstep calls.
EXEC msdb.dbo.sp_add_job @job_name = {{job_name:tsql-string}}, @description = {{description:tsql-string}}, @enabled = 1;
{{steps:raw}}
EXEC msdb.dbo.sp_add_jobserver @job_name = {{job_name:tsql-string}}, @server_name = N'(local)';
