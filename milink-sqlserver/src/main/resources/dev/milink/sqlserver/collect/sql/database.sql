-- Per online user database: filegroups (FD = FILESTREAM, FX = memory-optimized) and the number of FileTables.
-- {db} is the QUOTENAME'd database name, {database_id} its id.
-- requires: access to the database (a user, or guest)
SELECT {database_id} AS database_id, fg.data_space_id, fg.name, fg.type,
       (SELECT COUNT(*) FROM {db}.sys.tables AS t WHERE t.is_filetable = 1) AS filetables
FROM {db}.sys.filegroups AS fg
