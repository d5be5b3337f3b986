-- Does this directory exist, as the SQL Server service account sees it? Run before a BACKUP step.
-- xp_fileexist answers on SQL Server 2016-2025 (sys.dm_os_file_exists needs 2017+); columns: File Exists,
-- File is a Directory, Parent Directory Exists.
EXEC master.dbo.xp_fileexist {{path:tsql-string}};
