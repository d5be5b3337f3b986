-- The history of the network-test job: the step rows, and the outcome row (step_id 0) once the job has finished.
SELECT h.step_id, h.step_name, h.run_status, h.message
FROM msdb.dbo.sysjobhistory AS h
JOIN msdb.dbo.sysjobs AS j ON j.job_id = h.job_id
WHERE j.name = {{job_name:tsql-string}}
ORDER BY h.instance_id
