-- Creates the temporary Agent job of a network test: one PowerShell step per probe, each going on to the next step
-- whether it succeeded or not (the last one quits), targeted at the local server. ${steps} holds sp_add_jobstep calls.
EXEC msdb.dbo.sp_add_job @job_name = ${job_name}, @description = ${description}, @enabled = 1;
${steps}
EXEC msdb.dbo.sp_add_jobserver @job_name = ${job_name}, @server_name = N'(local)';
