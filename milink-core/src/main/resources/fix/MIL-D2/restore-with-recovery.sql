-- MIL-D2: the database is RESTORING. First find out why: a restore sequence still in progress, a
-- log-shipping secondary or a mirror must NOT be recovered (recovery ends the restore sequence for good).
-- Inspect:
SELECT TOP (5) destination_database_name, restore_date, restore_type
FROM msdb.dbo.restorehistory
WHERE destination_database_name = {{db:tsql-string}}
ORDER BY restore_date DESC;
-- Only when the restore sequence is complete and the copy is meant to become the live database:
-- RESTORE DATABASE {{db:tsql-name}} WITH RECOVERY;
