-- MIL-D12: SQL Managed Instance has no FILESTREAM. Inventory what has to move before the link.
USE {{db:tsql-name}};
SELECT name AS filegroup, type_desc FROM sys.filegroups WHERE type = 'FD';
SELECT SCHEMA_NAME(t.schema_id) AS table_schema, t.name AS table_name, c.name AS column_name
FROM sys.columns AS c JOIN sys.tables AS t ON t.object_id = c.object_id
WHERE c.is_filestream = 1;
SELECT SCHEMA_NAME(schema_id) AS table_schema, name AS filetable FROM sys.tables WHERE is_filetable = 1;
-- After the data has moved: drop the FileTables and FILESTREAM columns, empty and remove the FILESTREAM
-- files (DBCC SHRINKFILE … EMPTYFILE; ALTER DATABASE … REMOVE FILE), then remove the filegroup.
