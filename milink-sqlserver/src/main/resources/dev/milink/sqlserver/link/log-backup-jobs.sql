-- Every SQL Agent job step with its command, to find the log backups (BACKUP LOG, Ola Hallengren's
-- DatabaseBackup @BackupType = 'LOG', maintenance plans). Needs SELECT on msdb's job tables (sysadmin or
-- SQLAgentReaderRole).
SELECT CONVERT(nvarchar(36), j.job_id) AS job_id, j.name AS job_name, j.enabled, s.step_id, s.step_name, s.subsystem, s.database_name, s.command
FROM msdb.dbo.sysjobs AS j
JOIN msdb.dbo.sysjobsteps AS s ON s.job_id = j.job_id
ORDER BY j.name, s.step_id
