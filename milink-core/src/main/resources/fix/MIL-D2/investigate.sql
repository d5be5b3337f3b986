-- MIL-D2: the database is neither ONLINE, OFFLINE nor RESTORING (RECOVERING, RECOVERY_PENDING, SUSPECT,
-- EMERGENCY). RECOVERING usually ends by itself; wait and check again. For the others, read the SQL Server
-- error log for the cause (missing files, full disk, corruption) and fix that first; then run DBCC CHECKDB.
SELECT name, state_desc FROM sys.databases WHERE name = {{db:tsql-string}};
EXEC sys.xp_readerrorlog 0, 1, {{db:tsql-string}};
